import type { DocumentDto, PersonDto, ProjectDto, WorkingGroupDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/**
 * Query keys of the resources many features read: the caller's projects, working groups, documents and
 * the people directory. A feature that changes one of them invalidates the key prefix here.
 */
export const projectKeys = {
  projects: ['projects'] as const,
  workingGroups: ['working-groups'] as const,
  documents: ['documents'] as const,
  people: ['people'] as const,
  peopleList: (filter: { workingGroupId?: string }) => ['people', 'list', filter] as const,
};

export function useProjects() {
  return useApiQuery(projectKeys.projects, (signal) => unwrap<ProjectDto[]>(api.GET('/api/projects', { signal })));
}

/** The working groups the caller may see (of every project); `enabled: false` waits. */
export function useWorkingGroups(enabled = true) {
  return useApiQuery(
    projectKeys.workingGroups,
    (signal) => unwrap<WorkingGroupDto[]>(api.GET('/api/working-groups', { signal })),
    enabled,
  );
}

export function useDocuments(enabled = true) {
  return useApiQuery(
    projectKeys.documents,
    (signal) => unwrap<DocumentDto[]>(api.GET('/api/documents', { signal })),
    enabled,
  );
}

/** People the caller may see, optionally only one working group's members. */
export function usePeople(filter: { workingGroupId?: string }, enabled = true) {
  const query = filter.workingGroupId ? { workingGroupId: filter.workingGroupId } : {};
  return useApiQuery(
    projectKeys.peopleList(query),
    (signal) => unwrap<PersonDto[]>(api.GET('/api/people', { params: { query }, signal })),
    enabled,
  );
}
