import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ApplicationDto } from '@roundtable/contracts';
import { can, type Actor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { WorkingGroup } from '@roundtable/api-projects';
import { DataSource, In } from 'typeorm';
import { ApplicationsRepository } from './applications.repository';
import { Application, ExpertCall, ExpertCallGroup } from './open-call.entities';
import { presentApplication } from './open-call.presenters';

export const APPLICATION_NOT_FOUND = 'Application not found.';

/** An application with its call, loaded for someone who may review it. */
export interface Reviewable {
  application: Application;
  call: ExpertCall;
}

/** Reads of applications (private: only their reviewers see them). Never writes. */
@Injectable()
export class ApplicationsQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ApplicationsRepository,
  ) {}

  /** The call's applications the caller may review: all for coordinators, their groups' for co-chairs. */
  async listForCall(actor: Actor, viewerUserId: string, callId: string): Promise<ApplicationDto[]> {
    const call = await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: callId } });
    if (!call || !can(actor, 'project.read', { projectId: call.projectId }))
      throw new ApiException(ErrorCode.NotFound, 'Call for experts not found.');
    const applications = (
      await this.dataSource
        .getRepository(Application)
        .find({ where: { callId }, order: { submittedAt: 'ASC', id: 'ASC' } })
    ).filter((application) => mayReview(actor, call, application));
    return this.present(applications, viewerUserId);
  }

  /** An application the caller may review; unknown and not-reviewable are both 404 (applications are private). */
  async reviewable(actor: Actor, applicationId: string): Promise<Reviewable> {
    const application = await this.dataSource.getRepository(Application).findOne({ where: { id: applicationId } });
    const call = application
      ? await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: application.callId } })
      : null;
    if (!application || !call || !mayReview(actor, call, application))
      throw new ApiException(ErrorCode.NotFound, APPLICATION_NOT_FOUND);
    return { application, call };
  }

  /**
   * Undecided applications the caller may review and has not reviewed yet, oldest first (the start page's
   * review requests): coordinators see their projects', co-chairs their groups'.
   */
  async awaitingReviewBy(actor: Actor, viewerUserId: string): Promise<Reviewable[]> {
    const projectIds = [...new Set([...actor.coordinatedProjectIds, ...actor.memberships.map((m) => m.projectId)])];
    if (projectIds.length === 0) return [];
    const calls = await this.dataSource.getRepository(ExpertCall).find({ where: { projectId: In(projectIds) } });
    if (calls.length === 0) return [];
    const byId = new Map(calls.map((c) => [c.id, c]));
    const applications = await this.dataSource.getRepository(Application).find({
      where: { callId: In([...byId.keys()]), status: 'submitted' },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
    const reviewable = applications
      .map((application) => ({ application, call: byId.get(application.callId) as ExpertCall }))
      .filter(({ application, call }) => mayReview(actor, call, application));
    if (reviewable.length === 0) return [];
    const reviewed = new Set(
      (await this.repository.reviewsOf(reviewable.map((r) => r.application.id)))
        .filter((r) => r.reviewerUserId === viewerUserId)
        .map((r) => r.applicationId),
    );
    return reviewable.filter((r) => !reviewed.has(r.application.id));
  }

  async callGroupIds(callId: string): Promise<string[]> {
    const groups = await this.dataSource.getRepository(ExpertCallGroup).find({ where: { callId } });
    return groups.map((g) => g.workingGroupId);
  }

  /** One application as its reviewer sees it, read again (after a change). */
  async one(applicationId: string, viewerUserId: string): Promise<ApplicationDto> {
    const application = await this.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { id: applicationId } });
    return (await this.present([application], viewerUserId))[0];
  }

  async present(applications: Application[], viewerUserId: string): Promise<ApplicationDto[]> {
    if (applications.length === 0) return [];
    const groupIds = [...new Set(applications.flatMap((a) => a.preferredWorkingGroupIds))];
    const groups = groupIds.length
      ? await this.dataSource.getRepository(WorkingGroup).find({ where: { id: In(groupIds) } })
      : [];
    const codes = new Map(groups.map((g) => [g.id, g.code]));
    const ids = applications.map((a) => a.id);
    const reviews = await this.repository.reviewsOf(ids);
    const conflicts = await this.repository.conflictsOf(ids);
    return applications.map((a) => presentApplication(a, codes, reviews, viewerUserId, conflicts));
  }
}

function mayReview(actor: Actor, call: ExpertCall, application: Application): boolean {
  return can(actor, 'application.review', {
    projectId: call.projectId,
    workingGroupIds: application.preferredWorkingGroupIds,
  });
}
