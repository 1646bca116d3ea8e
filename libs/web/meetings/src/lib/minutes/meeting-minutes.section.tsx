import { Link, useNavigate } from 'react-router-dom';
import type { MeetingDto, MinutesSummaryDto, OccurrenceDto } from '@roundtable/contracts';
import { FormError, useApiMutation } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { meetingCommands, meetingKeys, useOpenActions } from '../meetings.queries';
import { ActionItemsList } from './action-items.list';
import { minutesMessages } from './minutes.messages';

/** The generated agenda section: open actions of the group from earlier meetings (computed, never copied). */
export function CarriedActionsSection({ meeting }: { meeting: MeetingDto }) {
  const { t } = useMessages(minutesMessages);
  const actions = useOpenActions(meeting.id);
  if (actions.state !== 'ready') return null;
  return (
    <section className="section" aria-labelledby="meeting-carried">
      <h2 id="meeting-carried">{t('minutes.carried.title')}</h2>
      <p className="muted">{t('minutes.carried.intro')}</p>
      <ActionItemsList actions={actions.data} testId="carried-actions" />
    </section>
  );
}

/** "Start minutes" (co-chairs, coordinators) or a link to the minutes of one occurrence. */
export function OccurrenceMinutes({
  meeting,
  occurrence,
  minutes,
}: {
  meeting: MeetingDto;
  occurrence: OccurrenceDto;
  minutes: MinutesSummaryDto[];
}) {
  const { t } = useMessages(minutesMessages);
  const navigate = useNavigate();
  const existing = minutes.find((m) => m.occurrenceStart === occurrence.originalStart);
  const start = useApiMutation(async () => {
    const created = await meetingCommands.startMinutes(meeting.id, occurrence.originalStart);
    navigate(`/minutes/${created.id}`);
  }, [meetingKeys.all]);
  if (existing) {
    return (
      <Link
        className="button button--small button--secondary"
        to={`/minutes/${existing.id}`}
        data-testid="occurrence-minutes"
      >
        {t('minutes.open', { status: t(`minutes.status.${existing.status}`) })}
      </Link>
    );
  }
  if (!meeting.canManage || occurrence.cancelled) return null;
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => void start.run()}
        disabled={start.pending}
        data-testid="minutes-start"
      >
        {t('minutes.start')}
      </button>
      <FormError error={start.error} />
    </>
  );
}
