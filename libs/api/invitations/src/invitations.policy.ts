import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { Invitation } from './invitations.entities';

/** Loads invitations for `PolicyGuard`: an invitation belongs to its working group. */
@Injectable()
export class InvitationsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('invitation', {
      notFound: 'Invitation not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const invitation = await this.dataSource
          .getRepository(Invitation)
          .findOne({ where: { id }, relations: { workingGroup: true } });
        return (
          invitation && {
            ref: { projectId: invitation.workingGroup.projectId, workingGroupIds: [invitation.workingGroupId] },
            entity: invitation,
          }
        );
      },
    });
  }
}
