import { useState } from 'react';
import type { TermState, WorkingGroupRole } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Badge, FormError, formatDay, useApiMutation } from '@roundtable/web-ui';
import { memberTermMessages } from './member-term.messages';
import { groupKeys, setTerm } from './projects.queries';
import styles from './member-term.module.css';

/**
 * A current member's term on the group page: "term ends …", "term ended …" (the membership is not ended by it,
 * ADR 035); coordinators are warned ahead for co-chairs and set or clear the date.
 */
export function MemberTerm({
  groupId,
  personId,
  displayName,
  role,
  termEndsOn,
  term,
  canSet,
}: {
  groupId: string;
  personId: string;
  displayName: string;
  role: WorkingGroupRole;
  termEndsOn: string | null;
  term: TermState | null;
  canSet: boolean;
}) {
  const { t } = useMessages(memberTermMessages);
  const { locale } = useLocale();
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(termEndsOn ?? '');
  const save = useApiMutation((value: string | null) => setTerm(groupId, personId, value), [groupKeys.detail(groupId)]);
  const coChair = role === 'co-chair';
  const day = termEndsOn ? formatDay(termEndsOn, locale) : '';

  return (
    <span className={styles.term} data-testid="member-term" data-term={term ?? 'none'}>
      {termEndsOn && term === 'ended' ? (
        <Badge tone="warning">
          {coChair && canSet ? t('memberTerm.endedCoChair', { date: day }) : t('memberTerm.ended', { date: day })}
        </Badge>
      ) : termEndsOn && term === 'ending-soon' ? (
        <Badge tone="warning">
          {coChair && canSet
            ? t('memberTerm.endingSoon', { date: day })
            : t('memberTerm.endingSoonMember', { date: day })}
        </Badge>
      ) : termEndsOn ? (
        <span className="muted">{t('memberTerm.endsOn', { date: day })}</span>
      ) : null}
      {canSet && !editing ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setEditing(true)}
          data-testid="member-term-edit"
        >
          {t('memberTerm.set')}
        </button>
      ) : null}
      {canSet && editing ? (
        <span className={styles.editor}>
          <input
            type="date"
            aria-label={t('memberTerm.label', { name: displayName })}
            value={date}
            onChange={(event) => setDate(event.target.value)}
            data-testid="member-term-date"
          />
          <button
            type="button"
            className="button button--primary button--small"
            disabled={save.pending || !date}
            onClick={() => void save.run(date).then((saved) => saved && setEditing(false))}
            data-testid="member-term-save"
          >
            {t('memberTerm.save')}
          </button>
          {termEndsOn ? (
            <button
              type="button"
              className="button button--danger button--small"
              disabled={save.pending}
              onClick={() => {
                if (window.confirm(t('memberTerm.confirmClear', { name: displayName })))
                  void save.run(null).then((saved) => saved && setEditing(false));
              }}
            >
              {t('memberTerm.clear')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
            {t('memberTerm.cancel')}
          </button>
          <FormError error={save.error} testId="member-term-error" />
        </span>
      ) : null}
    </span>
  );
}
