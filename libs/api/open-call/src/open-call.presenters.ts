import type { ApplicationDto, ApplicationReviewDto, ExpertCallDto } from '@roundtable/contracts';
import { regionOf } from '@roundtable/domain';
import type { WorkingGroup } from '@roundtable/api-projects';
import type { Application, ExpertCall } from './open-call.entities';

/** Open while nobody closed it and its closing time has not passed. */
export function isCallOpen(call: Pick<ExpertCall, 'closedAt' | 'closesAt'>, now: Date): boolean {
  return call.closedAt === null && call.closesAt.getTime() > now.getTime();
}

export function presentCall(call: ExpertCall, groups: WorkingGroup[], now: Date): ExpertCallDto {
  return {
    id: call.id,
    projectId: call.projectId,
    title: { en: call.titleEn, zh: call.titleZh },
    description: { en: call.descriptionEn, zh: call.descriptionZh },
    eligibility: { en: call.eligibilityEn, zh: call.eligibilityZh },
    workingGroups: [...groups]
      .sort((a, b) => a.position - b.position)
      .map((g) => ({ id: g.id, code: g.code, title: { en: g.titleEn, zh: g.titleZh } })),
    // When closed early, the DTO shows the actual closing time.
    closesAt: (call.closedAt && call.closedAt < call.closesAt ? call.closedAt : call.closesAt).toISOString(),
    open: isCallOpen(call, now),
  };
}

export interface ReviewRow {
  applicationId: string;
  reviewerUserId: string;
  reviewerName: string;
  score: number;
  comment: string;
}

export interface ConflictRow {
  applicationId: string;
  reviewerUserId: string;
  reviewerName: string;
  statement: string;
  declaredAt: Date;
}

export function presentApplication(
  application: Application,
  groupCodes: ReadonlyMap<string, string>,
  reviews: ReviewRow[],
  viewerUserId: string,
  conflicts: ConflictRow[] = [],
): ApplicationDto {
  const own = reviews.filter((r) => r.applicationId === application.id);
  const reviewDtos: ApplicationReviewDto[] = own.map((r) => ({
    reviewerName: r.reviewerName,
    score: r.score,
    comment: r.comment,
    mine: r.reviewerUserId === viewerUserId,
  }));
  return {
    id: application.id,
    callId: application.callId,
    name: application.name,
    email: application.email,
    country: application.country,
    region: regionOf(application.country),
    affiliation: application.affiliation,
    sector: application.sector,
    expertise: application.expertise,
    // In the applicant's order of preference.
    preferredWorkingGroups: application.preferredWorkingGroupIds.map((id) => ({ id, code: groupCodes.get(id) ?? '?' })),
    motivation: application.motivation,
    conflictOfInterest: application.conflictOfInterest,
    status: application.status,
    submittedAt: application.submittedAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    reviews: reviewDtos,
    averageScore: own.length ? Math.round((own.reduce((sum, r) => sum + r.score, 0) / own.length) * 100) / 100 : null,
    conflicts: conflicts
      .filter((c) => c.applicationId === application.id)
      .map((c) => ({
        reviewerName: c.reviewerName,
        statement: c.statement,
        declaredAt: c.declaredAt.toISOString(),
        mine: c.reviewerUserId === viewerUserId,
      })),
  };
}
