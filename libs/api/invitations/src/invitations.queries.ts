import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationDto, InvitationPreviewDto } from '@roundtable/contracts';
import { Clock } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { presentInvitation, presentPreview } from './invitations.presenter';
import { InvitationsRepository } from './invitations.repository';
import { assertUsable } from './invitations.rules';

/** Reads of invitations: a group's list (PolicyGuard checked who asks) and a link's preview (public). */
@Injectable()
export class InvitationsQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: InvitationsRepository,
    private readonly clock: Clock,
  ) {}

  async listFor(workingGroupId: string): Promise<InvitationDto[]> {
    const group = await this.repository.group(workingGroupId);
    const invitations = await this.repository.ofGroup(workingGroupId);
    return invitations.map((invitation) => presentInvitation({ ...invitation, workingGroup: group }, this.clock.now()));
  }

  /** GET /api/invitations/by-token/:token (public). */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.repository.byToken(this.dataSource.manager, token, false);
    assertUsable(invitation, this.clock.now());
    const group = await this.repository.group(invitation.workingGroupId);
    return presentPreview(invitation, group, await this.repository.accountExists(invitation.email));
  }
}
