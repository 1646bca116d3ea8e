import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  RSVP_RESPONSES,
  type MeetingDto,
  type MinutesSummaryDto,
  type OccurrenceDto,
  type RsvpResponse,
} from '@roundtable/contracts';
import { describeRule, parseRRule, toLocal } from '@roundtable/domain';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Badge, ErrorMessage, FormError, Loading, fieldError, useApiMutation } from '@roundtable/web-ui';
import { useDocuments } from '@roundtable/web-projects';
import { meetingCommands, meetingIcsHref, meetingKeys, useMeeting, useMeetingMinutes } from './meetings.queries';
import { EditMeetingForm } from './edit-meeting.form';
import { dstShiftText, meetingTypeLabel, rsvpLabel } from './meeting-labels';
import { ZonedTimes } from './zoned-times';
import { CarriedActionsSection, OccurrenceMinutes } from './minutes/meeting-minutes.section';
import { meetingsMessages } from './meetings.messages';
import styles from './meetings.module.css';

function Occurrence({
  meeting,
  occurrence,
  minutes,
  onChanged,
}: {
  meeting: MeetingDto;
  occurrence: OccurrenceDto;
  minutes: MinutesSummaryDto[];
  onChanged: (m: MeetingDto) => void;
}) {
  const { t } = useMessages(meetingsMessages);
  const zones = meeting.invitees.map((i) => i.timeZone);
  const local = toLocal(new Date(occurrence.start), meeting.timeZone);
  const [editing, setEditing] = useState(false);
  // Cancelling mails every invitee at once, so the button only asks; the confirmation below does it.
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [when, setWhen] = useState(`${local.date}T${local.time}`);
  const [present, setPresent] = useState<Set<string> | null>(null);
  const move = useApiMutation(async () => {
    onChanged(await meetingCommands.moveOccurrence(meeting.id, occurrence.originalStart, when));
    setEditing(false);
  }, [meetingKeys.all]);
  const cancel = useApiMutation(
    async () => onChanged(await meetingCommands.cancelOccurrence(meeting.id, occurrence.originalStart)),
    [meetingKeys.all],
  );
  const attendance = useApiMutation(
    async (personIds: string[]) => {
      onChanged(await meetingCommands.attendance(meeting.id, occurrence.originalStart, personIds));
      setPresent(null);
    },
    [meetingKeys.all],
  );
  const manage = meeting.canManage && meeting.status !== 'cancelled';
  return (
    <li
      className={occurrence.cancelled ? `${styles.occurrence} ${styles.cancelled}` : styles.occurrence}
      data-testid="occurrence"
    >
      <ZonedTimes instant={occurrence.start} zones={zones} />
      {occurrence.cancelled ? <Badge tone="warning">{t('meetings.cancelled')}</Badge> : null}
      {occurrence.changed ? <Badge tone="info">{t('meetings.occurrence.moved')}</Badge> : null}
      {occurrence.attendees.length > 0 ? (
        <span className="muted"> {t('meetings.attendance.count', { count: occurrence.attendees.length })}</span>
      ) : null}
      {manage && meeting.rrule && !occurrence.cancelled ? (
        <span className="button-row">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setEditing(!editing)}
            data-testid="occurrence-edit"
          >
            {t('meetings.occurrence.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setConfirmingCancel(true)}
            disabled={confirmingCancel}
            data-testid="occurrence-cancel"
          >
            {t('meetings.occurrence.cancel')}
          </button>
        </span>
      ) : null}
      {confirmingCancel && !occurrence.cancelled ? (
        <div
          className="alert alert--warning"
          role="alertdialog"
          aria-live="polite"
          data-testid="occurrence-cancel-confirm"
        >
          <p>
            <strong>{t('meetings.occurrence.cancelQuestion')}</strong>{' '}
            {t('meetings.occurrence.cancelNotice', { count: meeting.invitees.length })}
          </p>
          <span className="button-row">
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => void cancel.run()}
              disabled={cancel.pending}
              data-testid="occurrence-cancel-yes"
            >
              {t('meetings.occurrence.cancelYes')}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setConfirmingCancel(false)}
              disabled={cancel.pending}
              data-testid="occurrence-cancel-no"
            >
              {t('meetings.occurrence.cancelNo')}
            </button>
          </span>
        </div>
      ) : null}
      {meeting.canManage && !occurrence.cancelled ? (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setPresent(present ? null : new Set(occurrence.attendees))}
          data-testid="attendance-edit"
        >
          {t('meetings.attendance.record')}
        </button>
      ) : null}
      <OccurrenceMinutes meeting={meeting} occurrence={occurrence} minutes={minutes} />
      {editing ? (
        <form
          className="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            void move.run();
          }}
        >
          <label>
            {t('meetings.occurrence.newStart', { zone: meeting.timeZone })}{' '}
            <input
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              data-testid="occurrence-start"
            />
          </label>
          <button type="submit" className="button button--small button--primary" disabled={move.pending}>
            {t('meetings.occurrence.save')}
          </button>
          {fieldError(move.error, 'start') ? (
            <span className="form__error">{fieldError(move.error, 'start')}</span>
          ) : null}
        </form>
      ) : null}
      {present ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void attendance.run([...present]);
          }}
        >
          <ul className={styles.checklist}>
            {meeting.invitees.map((i) => (
              <li key={i.personId}>
                <label>
                  <input
                    type="checkbox"
                    checked={present.has(i.personId)}
                    onChange={(e) => {
                      const next = new Set(present);
                      if (e.target.checked) next.add(i.personId);
                      else next.delete(i.personId);
                      setPresent(next);
                    }}
                  />{' '}
                  {i.displayName}
                </label>
              </li>
            ))}
          </ul>
          <button type="submit" className="button button--small button--primary" disabled={attendance.pending}>
            {t('meetings.attendance.save')}
          </button>
        </form>
      ) : null}
      <FormError error={move.error ?? cancel.error ?? attendance.error} />
    </li>
  );
}

function MeetingDetail({ initial }: { initial: MeetingDto }) {
  const { t } = useMessages(meetingsMessages);
  const { locale, pick } = useLocale();
  const [meeting, setMeeting] = useState(initial);
  useEffect(() => setMeeting(initial), [initial]);
  useEffect(() => {
    document.title = `${meeting.title} · ${t('app.name')}`;
  }, [meeting.title, t]);
  const [editing, setEditing] = useState(false);
  const answer = useApiMutation(
    async (response: RsvpResponse) => setMeeting(await meetingCommands.rsvp(meeting.id, response)),
    [meetingKeys.all],
  );
  const cancel = useApiMutation(async () => setMeeting(await meetingCommands.cancel(meeting.id)), [meetingKeys.all]);
  const rule = meeting.rrule ? parseRRule(meeting.rrule) : null;
  const zones = meeting.invitees.map((i) => i.timeZone);
  const documents = useDocuments(meeting.agenda.some((a) => a.documentIds.length > 0));
  const documentTitles = new Map((documents.state === 'ready' ? documents.data : []).map((d) => [d.id, pick(d.title)]));
  const shown = meeting.next ?? { start: meeting.start };
  const minutes = useMeetingMinutes(meeting.id);
  return (
    <>
      <header className="page__header">
        <p className="eyebrow">
          <Link to={`/meetings?projectId=${meeting.projectId}`}>{t('meetings.title')}</Link>
          {meeting.workingGroupCode ? ` · ${meeting.workingGroupCode}` : ''}
        </p>
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <p>
          <Badge tone={meeting.workingGroupId ? 'info' : 'warning'}>{meetingTypeLabel(t, meeting.type)}</Badge>{' '}
          {meeting.status === 'cancelled' ? <Badge tone="warning">{t('meetings.cancelled')}</Badge> : null}
        </p>
      </header>
      <section className="section" aria-labelledby="meeting-when">
        <h2 id="meeting-when">{meeting.next ? t('meetings.next') : t('meetings.when')}</h2>
        <p data-testid="meeting-when">
          <ZonedTimes instant={shown.start} zones={zones} />
        </p>
        <p className="muted">
          {t('meetings.plannedIn', { zone: meeting.timeZone, minutes: meeting.durationMinutes })}
          {rule?.ok ? ` · ${describeRule(rule.rule, locale === 'zh-CN' ? 'zh-CN' : 'en')}` : ''}
        </p>
        {meeting.dstShifts.length > 0 ? (
          <div className="alert alert--warning" role="status" data-testid="dst-warning">
            <div>
              <p>{t('meetings.dst.title')}</p>
              <ul>
                {meeting.dstShifts.map((s) => (
                  <li key={`${s.at}-${s.zone}`}>{dstShiftText(t, s, locale)}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        {meeting.onlineUrl ? (
          <p>
            {t('meetings.form.onlineUrl')}:{' '}
            <a href={meeting.onlineUrl} rel="noreferrer noopener" target="_blank">
              {meeting.onlineUrl}
            </a>
          </p>
        ) : null}
        {meeting.place ? (
          <p>
            {t('meetings.form.place')}: {meeting.place}
          </p>
        ) : null}
        {meeting.description ? <p className="prose">{meeting.description}</p> : null}
        <div className="button-row">
          <a
            className="button button--secondary"
            href={meetingIcsHref(meeting.id)}
            download="meeting.ics"
            data-testid="download-ics"
          >
            {t('meetings.downloadIcs')}
          </a>
          {meeting.canManage && meeting.status !== 'cancelled' ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing(!editing)}
              aria-expanded={editing}
              data-testid="meeting-edit"
            >
              {meeting.rrule ? t('meetings.edit.series') : t('meetings.edit.meeting')}
            </button>
          ) : null}
          {meeting.canManage && meeting.status !== 'cancelled' ? (
            <button
              type="button"
              className="button button--danger"
              onClick={() => void cancel.run()}
              disabled={cancel.pending}
              data-testid="meeting-cancel"
            >
              {meeting.rrule ? t('meetings.cancelSeries') : t('meetings.cancelMeeting')}
            </button>
          ) : null}
        </div>
        <FormError error={cancel.error} />
        {editing ? (
          <EditMeetingForm
            meeting={meeting}
            onSaved={(saved) => {
              setMeeting(saved);
              setEditing(false);
            }}
          />
        ) : null}
      </section>

      {meeting.invited && meeting.status !== 'cancelled' ? (
        <section className="section" aria-labelledby="meeting-rsvp">
          <h2 id="meeting-rsvp">{t('meetings.rsvp.title')}</h2>
          <div className="button-row" role="group" aria-label={t('meetings.rsvp.title')}>
            {RSVP_RESPONSES.map((response) => (
              <button
                key={response}
                type="button"
                className={`button ${meeting.myRsvp === response ? 'button--primary' : 'button--secondary'}`}
                aria-pressed={meeting.myRsvp === response}
                onClick={() => void answer.run(response)}
                disabled={answer.pending}
                data-testid={`rsvp-${response}`}
              >
                {rsvpLabel(t, response)}
              </button>
            ))}
          </div>
          <FormError error={answer.error} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meetings.agenda')}</h2>
        {meeting.agenda.length === 0 ? (
          <p className="muted">{t('meetings.agendaEmpty')}</p>
        ) : (
          <ol data-testid="agenda">
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.minutesAllotted ? (
                  <span className="muted"> · {t('meetings.minutes', { count: item.minutesAllotted })}</span>
                ) : null}
                {item.presenterName ? <span className="muted"> · {item.presenterName}</span> : null}
                {item.documentIds.map((d) => (
                  <Link key={d} to={`/documents/${d}`} className={styles.agendaDoc} data-testid="agenda-document">
                    {documentTitles.get(d) ?? t('meetings.linkedDocument')}
                  </Link>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>

      <CarriedActionsSection meeting={meeting} />

      <section className="section" aria-labelledby="meeting-invitees">
        <h2 id="meeting-invitees">{t('meetings.invitees', { count: meeting.invitees.length })}</h2>
        <ul className={styles.inviteeList} data-testid="invitees">
          {meeting.invitees.map((i) => (
            <li key={i.personId} data-testid="invitee">
              <Link to={`/people/${i.personId}`}>{i.displayName}</Link> <span className="muted">({i.timeZone})</span>{' '}
              <Badge tone={i.rsvp === 'yes' ? 'success' : i.rsvp === 'no' ? 'warning' : 'neutral'}>
                {rsvpLabel(t, i.rsvp)}
              </Badge>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="meeting-occurrences">
        <h2 id="meeting-occurrences">{meeting.rrule ? t('meetings.occurrences') : t('meetings.when')}</h2>
        <ol className={styles.occurrenceList}>
          {meeting.occurrences.map((o) => (
            <Occurrence
              key={o.originalStart}
              meeting={meeting}
              occurrence={o}
              minutes={minutes.state === 'ready' ? minutes.data : []}
              onChanged={setMeeting}
            />
          ))}
        </ol>
      </section>
    </>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <main id="main" className="page">
      {meeting.state === 'loading' ? <Loading /> : null}
      {meeting.state === 'error' ? <ErrorMessage error={meeting.error} onRetry={meeting.reload} /> : null}
      {meeting.state === 'ready' ? <MeetingDetail initial={meeting.data} /> : null}
    </main>
  );
}
