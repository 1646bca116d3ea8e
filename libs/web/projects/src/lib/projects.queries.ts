import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  AddMemberRequest,
  ChangeMemberRoleRequest,
  CoChairHandover,
  CreateInvitationRequest,
  DocumentDto,
  DocumentStatus,
  InvitationDto,
  MembershipDto,
  PersonDto,
  ProjectDto,
  WorkingGroupDetailDto,
  WorkingGroupDto,
} from '@roundtable/contracts';
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

/** Keys of one working group's page: its detail, memberships and invitations (all under the group's prefix). */
export const groupKeys = {
  detail: (id: string) => ['working-groups', id] as const,
  members: (id: string) => ['working-groups', id, 'members'] as const,
  invitations: (id: string) => ['working-groups', id, 'invitations'] as const,
};

export function useWorkingGroup<T extends WorkingGroupDetailDto>(id: string | undefined) {
  return useApiQuery(
    groupKeys.detail(id ?? ''),
    (signal) => unwrap<T>(api.GET('/api/working-groups/{id}', { params: { path: { id: id ?? '' } }, signal })),
    id !== undefined && id !== '',
  );
}

/** Current and past memberships of a group. */
export function useMemberships(groupId: string) {
  return useApiQuery(groupKeys.members(groupId), (signal) =>
    unwrap<MembershipDto[]>(
      api.GET('/api/working-groups/{id}/members', {
        params: { path: { id: groupId }, query: { includePast: 'true' } },
        signal,
      }),
    ),
  );
}

export function useInvitations(groupId: string) {
  return useApiQuery(groupKeys.invitations(groupId), (signal) =>
    unwrap<InvitationDto[]>(
      api.GET('/api/working-groups/{id}/invitations', { params: { path: { id: groupId } }, signal }),
    ),
  );
}

/** People whose name matches (two characters at least, or nothing is asked). */
export function usePeopleSearch(text: string) {
  const q = text.trim();
  return useApiQuery(
    ['people', 'search', q],
    (signal) =>
      unwrap<PersonDto[]>(
        api.GET('/api/people', {
          // The directory's filters are optional; the published schema marks them required.
          params: { query: { q } as never },
          signal,
        }),
      ),
    q.length >= 2,
  );
}

export const projectCommands = {
  setDocumentStatus: (documentId: string, status: DocumentStatus) =>
    unwrap<void>(api.PUT('/api/documents/{id}/status', { params: { path: { id: documentId } }, body: { status } })),
  addMember: (groupId: string, body: AddMemberRequest) =>
    unwrap<MembershipDto>(api.POST('/api/working-groups/{id}/members', { params: { path: { id: groupId } }, body })),
  changeMemberRole: (groupId: string, personId: string, body: ChangeMemberRoleRequest) =>
    unwrap<MembershipDto>(
      api.PATCH('/api/working-groups/{id}/members/{personId}', { params: { path: { id: groupId, personId } }, body }),
    ),
  /** Leaving the group; a co-chair's removal names a successor or a vacancy (the co-chair rule). */
  removeMember: (groupId: string, personId: string, handover?: CoChairHandover) =>
    unwrap<void>(
      api.DELETE('/api/working-groups/{id}/members/{personId}', {
        params: { path: { id: groupId, personId } },
        // Optional on the server (only a co-chair's removal needs it); without one no body is sent.
        body: handover as CoChairHandover,
      }),
    ),
  invite: (groupId: string, body: CreateInvitationRequest) =>
    unwrap<InvitationDto>(
      api.POST('/api/working-groups/{id}/invitations', { params: { path: { id: groupId } }, body }),
    ),
  revokeInvitation: (id: string) => unwrap<void>(api.DELETE('/api/invitations/{id}', { params: { path: { id } } })),
};

/** Refetches what a change to a group's members or invitations shows: everything under the group's key. */
export function useInvalidateGroup(groupId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: groupKeys.detail(groupId) }),
    [queryClient, groupId],
  );
}

/** Sets (or, without a date, clears) a member's term end. */
export function setTerm(groupId: string, personId: string, termEndsOn: string | null): Promise<MembershipDto> {
  return unwrap<MembershipDto>(
    api.PUT('/api/working-groups/{id}/members/{personId}/term', {
      params: { path: { id: groupId, personId } },
      body: termEndsOn ? { termEndsOn } : {},
    }),
  );
}
