import { useMessages } from '@roundtable/web-i18n';
import { meetingsMessages } from './meetings.messages';
import styles from './meetings.module.css';

export interface InviteeOption {
  id: string;
  displayName: string;
  timeZone: string;
}

/** Who is invited: one checkbox per person, with their zone, and the server's error for the list. */
export function InviteeChecklist({
  people,
  isInvited,
  onToggle,
  error,
}: {
  people: readonly InviteeOption[];
  isInvited: (id: string) => boolean;
  onToggle: (id: string, invited: boolean) => void;
  error?: string;
}) {
  const { t } = useMessages(meetingsMessages);
  return (
    <fieldset className="fieldset">
      <legend>{t('meetings.form.invitees')}</legend>
      <ul className={styles.checklist} data-testid="invitee-list">
        {people.map((p) => (
          <li key={p.id}>
            <label>
              <input type="checkbox" checked={isInvited(p.id)} onChange={(e) => onToggle(p.id, e.target.checked)} />{' '}
              {p.displayName} <span className="muted">({p.timeZone})</span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <p className="form__error">{error}</p> : null}
    </fieldset>
  );
}
