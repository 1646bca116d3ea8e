import { useState } from 'react';
import {
  ErrorMessage,
  Field,
  FormError,
  formatDateTime,
  SubmitButton,
  fieldError,
  useApiMutation,
} from '@roundtable/web-ui';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { meetingCommands, meetingKeys, useCalendarFeed, useWorkingHours } from './meetings.queries';
import { meetingsMessages } from './meetings.messages';
import styles from './meetings.module.css';

/** "My calendar feed": a secret subscription URL, shown once when made; regenerate or revoke it. */
export function CalendarFeedSection() {
  const { t } = useMessages(meetingsMessages);
  const { locale } = useLocale();
  const feed = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = useApiMutation(async () => {
    const result = await meetingCommands.makeCalendarFeed();
    setUrl(result.url ?? null);
    setCopied(false);
  }, [meetingKeys.calendarFeed]);
  const revoke = useApiMutation(async () => {
    await meetingCommands.revokeCalendarFeed();
    setUrl(null);
  }, [meetingKeys.calendarFeed]);
  const active = feed.state === 'ready' && feed.data.active;
  return (
    <section className="section" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('meetings.feed.title')}</h2>
      <p className="muted">{t('meetings.feed.intro')}</p>
      {feed.state === 'error' ? <ErrorMessage error={feed.error} onRetry={feed.reload} /> : null}
      {feed.state === 'ready' ? (
        <p data-testid="feed-status">
          {active
            ? t('meetings.feed.active', { date: formatDateTime(feed.data.createdAt, locale) })
            : t('meetings.feed.inactive')}
        </p>
      ) : null}
      {url ? (
        <div className="alert alert--info" role="status">
          <div>
            <p>{t('meetings.feed.once')}</p>
            <input
              className={styles.feedUrl}
              readOnly
              value={url}
              data-testid="feed-url"
              aria-label={t('meetings.feed.url')}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                void navigator.clipboard?.writeText(url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('meetings.feed.copied') : t('meetings.feed.copy')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={make.pending}
          onClick={() => void make.run()}
          data-testid="feed-make"
        >
          {active ? t('meetings.feed.regenerate') : t('meetings.feed.create')}
        </button>
        {active ? (
          <button
            type="button"
            className="button button--danger"
            disabled={revoke.pending}
            onClick={() => void revoke.run()}
            data-testid="feed-revoke"
          >
            {t('meetings.feed.revoke')}
          </button>
        ) : null}
      </div>
      <FormError error={make.error ?? revoke.error} />
    </section>
  );
}

/** The viewer's working hours, which find-a-time respects. */
export function WorkingHoursSection() {
  const { t } = useMessages(meetingsMessages);
  const hours = useWorkingHours();
  const [draft, setDraft] = useState<{ workStart: string; workEnd: string } | null>(null);
  const save = useApiMutation(
    async (body: { workStart: string; workEnd: string }) => {
      await meetingCommands.saveWorkingHours(body);
      setDraft(null);
    },
    [meetingKeys.workingHours],
  );
  if (hours.state !== 'ready') return null;
  const value = draft ?? { workStart: hours.data.workStart, workEnd: hours.data.workEnd };
  return (
    <section className="section" aria-labelledby="working-hours">
      <h2 id="working-hours">{t('meetings.hours.title')}</h2>
      <p className="muted">{t('meetings.hours.intro', { zone: hours.data.timeZone })}</p>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(value);
        }}
      >
        <Field label={t('meetings.hours.start')} error={fieldError(save.error, 'workStart')}>
          {(props) => (
            <input
              {...props}
              type="time"
              value={value.workStart}
              onChange={(e) => setDraft({ ...value, workStart: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('meetings.hours.end')} error={fieldError(save.error, 'workEnd')}>
          {(props) => (
            <input
              {...props}
              type="time"
              value={value.workEnd}
              onChange={(e) => setDraft({ ...value, workEnd: e.target.value })}
            />
          )}
        </Field>
        <SubmitButton pending={save.pending} label={t('meetings.hours.save')} />
      </form>
      <FormError error={save.error} />
    </section>
  );
}
