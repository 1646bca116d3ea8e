import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  NOTIFICATION_STREAM_EVENT,
  type NotificationListDto,
  type NotificationPreferenceDto,
  type UnreadCountDto,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the signed-in person's notifications. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function useNotifications() {
  return useApiQuery(notificationKeys.list, (signal) =>
    unwrap<NotificationListDto>(api.GET('/api/notifications', { signal })),
  );
}

export function useUnreadCount() {
  return useApiQuery(notificationKeys.unread, (signal) =>
    unwrap<UnreadCountDto>(api.GET('/api/notifications/unread-count', { signal })),
  );
}

export function useNotificationPreferences() {
  return useApiQuery(notificationKeys.preferences, (signal) =>
    unwrap<NotificationPreferenceDto[]>(api.GET('/api/me/notification-preferences', { signal })),
  );
}

export const notificationCommands = {
  markRead: (id: string) => unwrap<unknown>(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: () => unwrap<unknown>(api.POST('/api/notifications/read-all')),
  setPreferences: (preferences: NotificationPreferenceDto[]) =>
    unwrap<NotificationPreferenceDto[]>(api.PUT('/api/me/notification-preferences', { body: { preferences } })),
};

/**
 * While the app is open: the server's stream (server-sent events) says when the unread count changed; the
 * count is taken from the event and the list is fetched again. The browser reconnects by itself; the server
 * ends the stream when the session ends.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    const onEvent = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as UnreadCountDto;
      queryClient.setQueryData(notificationKeys.unread, data);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    };
    source.addEventListener(NOTIFICATION_STREAM_EVENT, onEvent);
    return () => {
      source.removeEventListener(NOTIFICATION_STREAM_EVENT, onEvent);
      source.close();
    };
  }, [queryClient]);
}
