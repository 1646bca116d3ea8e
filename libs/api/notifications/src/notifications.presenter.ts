import type { Locale, NotificationDelivery, NotificationDto, NotificationKind } from '@roundtable/contracts';
import { NOTIFICATION_KINDS } from '@roundtable/contracts';
import type { Notification } from './notifications.entities';

/** What each kind is delivered as when the person chose nothing: what was mailed before notifications existed. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  mention: 'email',
  // Replies were never mailed: in the app only unless the person asks for mail.
  'comment-reply': 'app',
  'meeting-invitation': 'email',
  'meeting-change': 'email',
  minutes: 'email',
  action: 'email',
  deadline: 'email',
  // A document may name an erased member (ADR 043): for its editors, in the app.
  privacy: 'app',
};

export function presentNotification(row: Notification, locale: Locale): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: locale === 'zh-CN' ? row.titleZh : row.titleEn,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Every kind with the person's choice or its default, in the order of NOTIFICATION_KINDS. */
export function presentPreferences(
  chosen: ReadonlyArray<{ kind: string; delivery: NotificationDelivery }>,
): Array<{ kind: NotificationKind; delivery: NotificationDelivery }> {
  const byKind = new Map(chosen.map((row) => [row.kind, row.delivery]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: byKind.get(kind) ?? DEFAULT_DELIVERY[kind] }));
}
