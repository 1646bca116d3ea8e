import type {
  ApplicationConfirmationDto,
  ApplicationDto,
  CreateExpertCallRequest,
  DecideApplicationRequest,
  ExpertCallDto,
  ReviewApplicationRequest,
  SubmitApplicationRequest,
  SubmitApplicationResponse,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery, type ApiSchemas } from '@roundtable/web-ui';

/** Query keys of the open call: calls per project, one call, its applications, the public page's call. */
export const openCallKeys = {
  all: ['calls'] as const,
  list: (projectId: string) => ['calls', 'list', projectId] as const,
  call: (id: string) => ['calls', 'detail', id] as const,
  applications: (id: string) => ['calls', 'detail', id, 'applications'] as const,
  publicCall: (id: string) => ['calls', 'public', id] as const,
};

export function useCalls(projectId: string | null) {
  return useApiQuery(
    openCallKeys.list(projectId ?? ''),
    (signal) =>
      unwrap<ExpertCallDto[]>(api.GET('/api/calls', { params: { query: { projectId: projectId ?? '' } }, signal })),
    projectId !== null,
  );
}

export function useCall(id: string | undefined) {
  return useApiQuery(
    openCallKeys.call(id ?? ''),
    (signal) => unwrap<ExpertCallDto>(api.GET('/api/calls/{id}', { params: { path: { id: id ?? '' } }, signal })),
    Boolean(id),
  );
}

export function useApplications(callId: string | undefined) {
  return useApiQuery(
    openCallKeys.applications(callId ?? ''),
    (signal) =>
      unwrap<ApplicationDto[]>(
        api.GET('/api/calls/{id}/applications', { params: { path: { id: callId ?? '' } }, signal }),
      ),
    Boolean(callId),
  );
}

/** The call as the public application page shows it (anonymous; a 401 would not mean "signed out"). */
export function usePublicCall(id: string | undefined) {
  return useApiQuery(
    openCallKeys.publicCall(id ?? ''),
    (signal) =>
      unwrap<ExpertCallDto>(api.GET('/api/public/calls/{id}', { params: { path: { id: id ?? '' } }, signal }), {
        quietUnauthenticated: true,
      }),
    Boolean(id),
  );
}

export const openCallCommands = {
  create: (body: CreateExpertCallRequest) => unwrap<ExpertCallDto>(api.POST('/api/calls', { body })),
  close: (id: string) => unwrap<unknown>(api.POST('/api/calls/{id}/close', { params: { path: { id } } })),
  review: (applicationId: string, body: ReviewApplicationRequest) =>
    unwrap<unknown>(api.POST('/api/applications/{id}/reviews', { params: { path: { id: applicationId } }, body })),
  decide: (applicationId: string, body: DecideApplicationRequest) =>
    unwrap<unknown>(
      api.POST('/api/applications/{id}/decision', {
        params: { path: { id: applicationId } },
        // A decline needs no role; the published schema marks it required.
        body: body as ApiSchemas['DecideApplicationDto'],
      }),
    ),
  apply: (callId: string, body: SubmitApplicationRequest) =>
    unwrap<SubmitApplicationResponse>(
      api.POST('/api/public/calls/{id}/applications', { params: { path: { id: callId } }, body }),
      { quietUnauthenticated: true },
    ),
  confirm: (token: string) =>
    unwrap<ApplicationConfirmationDto>(
      api.POST('/api/public/application-confirmations/{token}', { params: { path: { token } } }),
      { quietUnauthenticated: true },
    ),
};

/** A reviewer declares a conflict of interest with an application (withdraws their review). */
export function declareConflict(applicationId: string, statement: string): Promise<ApplicationDto> {
  return unwrap<ApplicationDto>(
    api.POST('/api/applications/{id}/conflict', { params: { path: { id: applicationId } }, body: { statement } }),
  );
}
