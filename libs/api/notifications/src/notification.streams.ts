import { BeforeApplicationShutdown, Injectable, type MessageEvent } from '@nestjs/common';
import { NOTIFICATION_STREAM_EVENT } from '@roundtable/contracts';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import {
  concat,
  defer,
  filter,
  from,
  interval,
  map,
  merge,
  mergeMap,
  Observable,
  Subject,
  takeUntil,
  timer,
} from 'rxjs';
import { NotificationEvents } from './notifications.events';
import { NotificationsQueries } from './notifications.queries';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The live streams this process holds: each sends the unread count at once and whenever the user's
 * notifications change, and ends with its session (signed out anywhere, expired) or when the app stops.
 */
@Injectable()
export class NotificationStreams implements BeforeApplicationShutdown {
  private readonly stopping$ = new Subject<void>();

  constructor(
    private readonly events: NotificationEvents,
    private readonly queries: NotificationsQueries,
  ) {}

  open(user: AuthenticatedUser): Observable<MessageEvent> {
    const count = () =>
      defer(() => from(this.queries.unread(user.id))).pipe(
        map((data): MessageEvent => ({ type: NOTIFICATION_STREAM_EVENT, data })),
      );
    const ended = merge(
      this.events.sessionEnded$.pipe(filter((id) => id === user.sessionId)),
      // setTimeout holds at most 2^31 - 1 ms (24.8 days); a longer session is checked again then.
      timer(Math.min(MAX_TIMER_MS, Math.max(0, user.sessionExpiresAt.getTime() - Date.now()))).pipe(
        filter(() => user.sessionExpiresAt.getTime() <= Date.now()),
      ),
      this.stopping$,
    );
    return merge(
      concat(
        count(),
        this.events.changed$.pipe(
          filter((id) => id === user.id),
          mergeMap(() => count()),
        ),
      ),
      interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keep-alive', data: '' }))),
    ).pipe(takeUntil(ended));
  }

  beforeApplicationShutdown(): void {
    this.stopping$.next();
    this.stopping$.complete();
  }
}
