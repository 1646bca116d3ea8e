import type {
  AcceptInvitationRequest,
  InvitationPreviewDto,
  PersonDto,
  UpdatePersonRequest,
  UserDto,
} from '@roundtable/contracts';
import { projectKeys } from '@roundtable/web-projects';
import { api, unwrap, unwrapPage, useApiPagedQuery, useApiQuery } from '@roundtable/web-ui';

/** People's keys live under the projects feature's `people` prefix, which member lists and pickers share. */
export const peopleKeys = {
  directory: (filter: Record<string, string>) => [...projectKeys.people, 'directory', filter] as const,
  person: (id: string) => [...projectKeys.people, 'person', id] as const,
  me: [...projectKeys.people, 'me'] as const,
  invitation: (token: string) => ['invitations', 'by-token', token] as const,
};

/**
 * The directory, filtered by the page's query parameters (q, workingGroupId, region, sector, expertise), one
 * page at a time (ADR 029: "Load more" asks for the next).
 */
export function usePeopleDirectory(filter: Record<string, string>) {
  return useApiPagedQuery<PersonDto>(peopleKeys.directory(filter), (cursor, signal) =>
    unwrapPage<PersonDto>(
      api.GET('/api/people', { params: { query: { ...filter, ...(cursor ? { cursor } : {}) } }, signal }),
    ),
  );
}

export function usePerson(id: string | undefined) {
  return useApiQuery(
    peopleKeys.person(id ?? ''),
    (signal) => unwrap<PersonDto>(api.GET('/api/people/{id}', { params: { path: { id: id ?? '' } }, signal })),
    Boolean(id),
  );
}

export function useMyPerson() {
  return useApiQuery(peopleKeys.me, (signal) => unwrap<PersonDto>(api.GET('/api/people/me', { signal })));
}

export function useInvitationPreview(token: string) {
  return useApiQuery(
    peopleKeys.invitation(token),
    (signal) =>
      unwrap<InvitationPreviewDto>(
        api.GET('/api/invitations/by-token/{token}', { params: { path: { token } }, signal }),
      ),
    token !== '',
  );
}

export const peopleCommands = {
  update: (id: string, body: UpdatePersonRequest) =>
    unwrap<PersonDto>(api.PATCH('/api/people/{id}', { params: { path: { id } }, body })),
  acceptInvitation: (token: string, body: AcceptInvitationRequest) =>
    unwrap<{ user: UserDto; workingGroupId: string }>(
      api.POST('/api/invitations/by-token/{token}/accept', { params: { path: { token } }, body }),
      { quietUnauthenticated: true },
    ),
};
