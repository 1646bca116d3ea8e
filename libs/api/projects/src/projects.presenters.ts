import type { DocumentDto, PartnerDto, ProjectDto, WorkingGroupDto } from '@roundtable/contracts';
import { can, type Actor, type DocumentAccess } from '@roundtable/domain';
import type { Partner, Project, ProjectDocument, WorkingGroup } from './projects.entities';

export function presentPartner(partner: Partner): PartnerDto {
  return { id: partner.id, shortName: partner.shortName, fullName: partner.fullName, country: partner.country };
}

export function presentProject(
  project: Project,
  partners: Partner[],
  guides: Map<string, string[]> = new Map(),
): ProjectDto {
  return {
    id: project.id,
    name: project.name,
    startDate: project.startDate,
    durationMonths: project.durationMonths,
    partners: partners.map((partner) => ({ ...presentPartner(partner), guides: guides.get(partner.id) ?? [] })),
  };
}

export function presentWorkingGroup(group: WorkingGroup, myRole: WorkingGroupDto['myRole']): WorkingGroupDto {
  return {
    id: group.id,
    projectId: group.projectId,
    code: group.code,
    title: { en: group.titleEn, zh: group.titleZh },
    aim: { en: group.aimEn, zh: group.aimZh },
    guidingPartners: (group.guidingPartners ?? []).map(presentPartner),
    myRole,
  };
}

export function presentDocument(
  document: ProjectDocument,
  access: Exclude<DocumentAccess, 'none'>,
  actor: Actor,
): DocumentDto {
  return {
    id: document.id,
    projectId: document.projectId,
    workingGroupId: document.workingGroupId,
    workingGroupCode: document.workingGroup?.code ?? null,
    type: document.type,
    title: { en: document.titleEn, zh: document.titleZh },
    status: document.status,
    access,
    updatedAt: document.updatedAt.toISOString(),
    locked: document.lockedAt ? { at: document.lockedAt.toISOString(), reason: document.lockedReason ?? '' } : null,
    canLock: can(actor, 'document.lock', { projectId: document.projectId }),
  };
}
