import type { NotificationListDto, StartPageDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the start page (one read: GET /api/me/start). */
export const startKeys = {
  all: ['start'] as const,
};

export function useStartPage() {
  return useApiQuery(startKeys.all, (signal) => unwrap<StartPageDto>(api.GET('/api/me/start', { signal })));
}

/**
 * The newest notifications, under the notifications feature's own query key: the bell's live stream refreshes
 * the start page's panel with the same read (GET /api/notifications).
 */
export function useStartNotifications() {
  return useApiQuery(['notifications', 'list'], (signal) =>
    unwrap<NotificationListDto>(api.GET('/api/notifications', { signal })),
  );
}
