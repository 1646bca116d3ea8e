import { Link } from 'react-router-dom';
import { ACTION_STATUSES } from '@roundtable/domain';
import type { ActionItemDto, ActionStatusDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Badge, FormError, formatDay, useApiMutation } from '@roundtable/web-ui';
import { meetingCommands, meetingKeys } from '../meetings.queries';
import { minutesMessages } from './minutes.messages';

/** Action items with owner, due date, overdue flag and (for those who may) a status picker. */
export function ActionItemsList({
  actions,
  onChanged,
  showMeeting = false,
  testId = 'action-items',
}: {
  actions: ActionItemDto[];
  onChanged?: (action: ActionItemDto) => void;
  showMeeting?: boolean;
  testId?: string;
}) {
  const { t } = useMessages(minutesMessages);
  const { locale } = useLocale();
  const setStatus = useApiMutation(
    async (id: string, status: ActionStatusDto) => {
      const updated = await meetingCommands.setActionStatus(id, status);
      onChanged?.(updated);
    },
    [meetingKeys.all],
  );
  if (actions.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {t('minutes.actions.none')}
      </p>
    );
  return (
    <>
      <ul className="action-list" data-testid={testId}>
        {actions.map((a) => (
          <li key={a.id} className="card" data-testid="action-item">
            <strong>{a.text}</strong>
            <span className="muted">
              {' '}
              · {a.ownerName} · {t('minutes.actions.due', { date: formatDay(a.dueOn, locale) })}
            </span>{' '}
            {a.overdue ? <Badge tone="warning">{t('minutes.actions.overdue')}</Badge> : null}
            {a.agendaItemTitle ? (
              <span className="muted"> · {t('minutes.agendaItem', { title: a.agendaItemTitle })}</span>
            ) : null}
            {showMeeting ? (
              <div className="muted">
                <Link to={`/minutes/${a.minutesId}`}>
                  {a.workingGroupCode ? `${a.workingGroupCode} · ` : ''}
                  {a.meetingTitle} ({formatDay(a.occurrenceStart.slice(0, 10), locale)})
                </Link>
              </div>
            ) : null}
            <div>
              {a.canSetStatus && onChanged ? (
                <label>
                  {t('minutes.actions.status')}{' '}
                  <select
                    value={a.status}
                    onChange={(e) => void setStatus.run(a.id, e.target.value as ActionStatusDto)}
                    data-testid="action-status"
                  >
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`minutes.actionStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <Badge tone={a.status === 'open' ? 'info' : 'neutral'}>{t(`minutes.actionStatus.${a.status}`)}</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
      <FormError error={setStatus.error} />
    </>
  );
}
