import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { WorkingGroupRole, type MeetingSummaryDto } from '@roundtable/contracts';
import { describeRule, parseRRule } from '@roundtable/domain';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ProjectPicker, useSelectedProject, useWorkingGroups } from '@roundtable/web-projects';
import { Badge, ErrorMessage, Loading } from '@roundtable/web-ui';
import { CalendarFeedSection, WorkingHoursSection } from './calendar-feed.section';
import { meetingTypeLabel, rsvpLabel } from './meeting-labels';
import { useProjectMeetings } from './meetings.queries';
import { ZonedTimes } from './zoned-times';
import { meetingsMessages } from './meetings.messages';
import styles from './meetings.module.css';

function MeetingRow({ meeting }: { meeting: MeetingSummaryDto }) {
  const { t } = useMessages(meetingsMessages);
  const { locale } = useLocale();
  const rule = meeting.rrule ? parseRRule(meeting.rrule) : null;
  return (
    <li className="card" data-testid="meeting-row">
      <div className={styles.cardHead}>
        <Link to={`/meetings/${meeting.id}`} className={styles.cardTitle}>
          {meeting.workingGroupCode ? `${meeting.workingGroupCode} · ` : ''}
          {meeting.title}
        </Link>
        <Badge tone={meeting.workingGroupId ? 'info' : 'warning'}>{meetingTypeLabel(t, meeting.type)}</Badge>
        {meeting.status === 'cancelled' ? <Badge tone="warning">{t('meetings.cancelled')}</Badge> : null}
        {meeting.invited ? (
          <Badge tone="neutral">{t('meetings.myAnswer', { answer: rsvpLabel(t, meeting.myRsvp) })}</Badge>
        ) : null}
      </div>
      <p>
        {meeting.next ? (
          <>
            {t('meetings.next')}: <ZonedTimes instant={meeting.next.start} />
          </>
        ) : (
          <span className="muted">
            {t('meetings.noNext')} {t('meetings.firstWas')}: <ZonedTimes instant={meeting.start} />
          </span>
        )}
      </p>
      {rule?.ok ? <p className="muted">{describeRule(rule.rule, locale === 'zh-CN' ? 'zh-CN' : 'en')}</p> : null}
    </li>
  );
}

/** WG meetings and project events the viewer may see, with the calendar feed and working hours. */
export function MeetingsPage() {
  const { t } = useMessages(meetingsMessages);
  const user = useCurrentUser();
  const { projects, project, select } = useSelectedProject();
  const groups = useWorkingGroups();
  const [groupFilter, setGroupFilter] = useState('');
  const filterId = useId();
  const meetings = useProjectMeetings(project?.id ?? null, groupFilter);

  useEffect(() => {
    document.title = `${t('meetings.title')} · ${t('app.name')}`;
  }, [t]);

  const projectGroups = groups.state === 'ready' ? groups.data.filter((g) => g.projectId === project?.id) : [];
  const canSchedule = canCoordinate(user) || projectGroups.some((g) => g.myRole === WorkingGroupRole.CoChair);
  const list = meetings.state === 'ready' ? meetings.data : [];
  const upcomingFirst = [...list].sort(
    (a, b) => (a.next ? 0 : 1) - (b.next ? 0 : 1) || (a.next?.start ?? a.start).localeCompare(b.next?.start ?? b.start),
  );
  const groupMeetings = upcomingFirst.filter((m) => m.workingGroupId);
  const events = upcomingFirst.filter((m) => !m.workingGroupId);

  return (
    <main id="main" className="page">
      <header className="page__header">
        <h1>{t('meetings.title')}</h1>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
        {canSchedule && project ? (
          <Link
            className="button button--primary"
            to={`/meetings/new?projectId=${project.id}`}
            data-testid="schedule-meeting"
          >
            {t('meetings.schedule')}
          </Link>
        ) : null}
      </header>
      <div className="inline-field">
        <label htmlFor={filterId}>{t('meetings.filter')}</label>
        <select
          id={filterId}
          value={groupFilter}
          onChange={(e) => setGroupFilter(e.target.value)}
          data-testid="meetings-filter"
        >
          <option value="">{t('meetings.allGroups')}</option>
          {projectGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.code}
            </option>
          ))}
        </select>
      </div>
      {meetings.state === 'loading' || projects.state === 'loading' ? <Loading /> : null}
      {meetings.state === 'error' ? <ErrorMessage error={meetings.error} onRetry={meetings.reload} /> : null}
      {meetings.state === 'ready' ? (
        <>
          <section className="section" aria-labelledby="wg-meetings">
            <h2 id="wg-meetings">{t('meetings.groupMeetings')}</h2>
            {groupMeetings.length === 0 ? (
              <p className="muted">{t('meetings.none')}</p>
            ) : (
              <ul className={styles.meetingList}>
                {groupMeetings.map((m) => (
                  <MeetingRow key={m.id} meeting={m} />
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="project-events">
            <h2 id="project-events">{t('meetings.projectEvents')}</h2>
            {events.length === 0 ? (
              <p className="muted">{t('meetings.none')}</p>
            ) : (
              <ul className={styles.meetingList}>
                {events.map((m) => (
                  <MeetingRow key={m.id} meeting={m} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      <CalendarFeedSection />
      <WorkingHoursSection />
    </main>
  );
}
