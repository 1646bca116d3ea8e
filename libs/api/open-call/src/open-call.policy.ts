import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { Application, ExpertCall } from './open-call.entities';

/** Loads calls and applications for `PolicyGuard`. Applications are seen only by those who may review them. */
@Injectable()
export class OpenCallPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('call', {
      notFound: 'Call for experts not found.',
      visibleWith: 'project.read',
      load: async (id) => {
        const call = await this.dataSource.getRepository(ExpertCall).findOne({ where: { id } });
        return call && { ref: { projectId: call.projectId }, entity: call };
      },
    });
    this.registry.registerLoader('application', {
      notFound: 'Application not found.',
      visibleWith: 'application.review',
      load: async (id) => {
        const application = await this.dataSource.getRepository(Application).findOne({ where: { id } });
        const call =
          application &&
          (await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: application.callId } }));
        return (
          call && {
            ref: { projectId: call.projectId, workingGroupIds: application!.preferredWorkingGroupIds },
            entity: application,
          }
        );
      },
    });
  }
}
