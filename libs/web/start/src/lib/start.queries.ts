import type { StartPageDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the start page (one read: GET /api/me/start). */
export const startKeys = {
  all: ['start'] as const,
};

export function useStartPage() {
  return useApiQuery(startKeys.all, (signal) => unwrap<StartPageDto>(api.GET('/api/me/start', { signal })));
}
