/** What a notification is about; each person chooses a delivery per kind (ADR 034). */
export const NOTIFICATION_KINDS = [
  'mention',
  'comment-reply',
  'meeting-invitation',
  'meeting-change',
  'minutes',
  'action',
  'deadline',
  'privacy',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * How a kind reaches its person: always in the app, and `email` at once (the default: what was mailed before
 * notifications existed), or gathered into a `daily` / `weekly` digest at their local morning, or `app` only.
 */
export const NOTIFICATION_DELIVERIES = ['app', 'email', 'daily', 'weekly'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  /** The title in the reader's language. */
  title: string;
  /** Where the thing lives in the app: a path such as `/documents/…?thread=…`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListDto {
  items: NotificationDto[];
  unread: number;
}

export interface UnreadCountDto {
  unread: number;
}

export interface NotificationPreferenceDto {
  kind: NotificationKind;
  delivery: NotificationDelivery;
}

export interface NotificationPreferencesRequest {
  preferences: NotificationPreferenceDto[];
}

/** The event name of the live stream (`GET /api/notifications/stream`, server-sent events). */
export const NOTIFICATION_STREAM_EVENT = 'notification';
