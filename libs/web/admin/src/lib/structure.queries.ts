import type {
  PartnerDetailDto,
  PartnerRequest,
  ProjectRoleHolderDto,
  WorkingGroupDetailDto,
  WorkingGroupRequest,
} from '@roundtable/contracts';
import { projectKeys } from '@roundtable/web-projects';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the structure page (partners with their people, project roles). */
export const structureKeys = {
  all: ['structure'] as const,
  partners: (projectId: string) => ['structure', 'partners', projectId] as const,
  roles: (projectId: string) => ['structure', 'roles', projectId] as const,
};

export function usePartners(projectId: string | null) {
  return useApiQuery(
    structureKeys.partners(projectId ?? ''),
    (signal) =>
      unwrap<PartnerDetailDto[]>(
        api.GET('/api/projects/{id}/partners', { params: { path: { id: projectId ?? '' } }, signal }),
      ),
    projectId !== null,
  );
}

export function useProjectRoles(projectId: string | null) {
  return useApiQuery(
    structureKeys.roles(projectId ?? ''),
    (signal) =>
      unwrap<ProjectRoleHolderDto[]>(
        api.GET('/api/projects/{id}/roles', { params: { path: { id: projectId ?? '' } }, signal }),
      ),
    projectId !== null,
  );
}

export const structureCommands = {
  createWorkingGroup: (projectId: string, body: WorkingGroupRequest) =>
    unwrap<WorkingGroupDetailDto>(
      api.POST('/api/projects/{id}/working-groups', { params: { path: { id: projectId } }, body }),
    ),
  updateWorkingGroup: (id: string, body: WorkingGroupRequest) =>
    unwrap<WorkingGroupDetailDto>(api.PUT('/api/working-groups/{id}', { params: { path: { id } }, body })),
  createPartner: (projectId: string, body: PartnerRequest) =>
    unwrap<PartnerDetailDto>(api.POST('/api/projects/{id}/partners', { params: { path: { id: projectId } }, body })),
  updatePartner: (id: string, body: PartnerRequest) =>
    unwrap<PartnerDetailDto>(api.PUT('/api/partners/{id}', { params: { path: { id } }, body })),
  grantAdvisor: (projectId: string, personId: string) =>
    unwrap<ProjectRoleHolderDto[]>(
      api.POST('/api/projects/{id}/roles', {
        params: { path: { id: projectId } },
        body: { personId, role: 'advisory-board' },
      }),
    ),
  revokeAdvisor: (projectId: string, personId: string) =>
    unwrap<void>(
      api.DELETE('/api/projects/{id}/roles/{personId}/{role}', {
        params: { path: { id: projectId, personId, role: 'advisory-board' } },
      }),
    ),
};

/** Everything a structure change can make stale: this page, the projects, groups and people lists. */
export const STRUCTURE_STALE = [
  structureKeys.all,
  projectKeys.projects,
  projectKeys.workingGroups,
  projectKeys.people,
] as const;
