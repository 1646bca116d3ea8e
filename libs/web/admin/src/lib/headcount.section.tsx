import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BalanceFilters, BalanceReportDto } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { balanceMessages } from './admin.messages';
import { adminCommands, adminKeys } from './admin.queries';
import styles from './headcount.module.css';

/** The two filters of the balance report (co-chairs, observers), as checkboxes. */
export function BalanceFiltersBar({
  filters,
  onChange,
}: {
  filters: BalanceFilters;
  onChange: (filters: BalanceFilters) => void;
}) {
  const { t } = useMessages(balanceMessages);
  return (
    <fieldset className={styles.filters} data-testid="balance-filters">
      <legend>{t('balance.filters')}</legend>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={filters.excludeCoChairs}
          onChange={(event) => onChange({ ...filters, excludeCoChairs: event.target.checked })}
          data-testid="balance-exclude-co-chairs"
        />
        {t('balance.excludeCoChairs')}
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={filters.excludeObservers}
          onChange={(event) => onChange({ ...filters, excludeObservers: event.target.checked })}
          data-testid="balance-exclude-observers"
        />
        {t('balance.excludeObservers')}
      </label>
    </fieldset>
  );
}

/** The headcount under the filters against the target ("31 of 35 people (−4)"). */
export function HeadcountSummary({ headcount }: { headcount: BalanceReportDto['headcount'] }) {
  const { t } = useMessages(balanceMessages);
  const { target, actual } = headcount;
  const difference = target === null ? 0 : actual - target;
  return (
    <p className={styles.summary} data-testid="balance-headcount" data-actual={actual} data-target={target ?? ''}>
      <strong>{t('balance.headcount')}:</strong>{' '}
      {target === null
        ? `${t('balance.headcountActual', { actual })} ${t('balance.headcountNoTarget')}`
        : t('balance.headcountAgainst', {
            actual,
            target,
            difference: `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${Math.abs(difference)}`,
          })}
    </p>
  );
}

/** Coordinators set the project's headcount target (a whole number of people). */
export function HeadcountForm({ projectId, target }: { projectId: string; target: number | null }) {
  const { t } = useMessages(balanceMessages);
  const [saved, setSaved] = useState(false);
  const form = useForm<{ headcount: string }>({ defaultValues: { headcount: target === null ? '' : String(target) } });
  const save = useApiMutation(
    async ({ headcount }: { headcount: string }) => {
      setSaved(false);
      await adminCommands.setHeadcountTarget(projectId, Number(headcount));
      setSaved(true);
    },
    [adminKeys.balance(projectId)],
  );
  return (
    <form
      className="card form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.run(values))}
      data-testid="headcount-form"
      aria-labelledby="headcount-target"
    >
      <h2 id="headcount-target">{t('balance.headcountHeading')}</h2>
      <p className="muted">{t('balance.headcountIntro')}</p>
      <FormError error={save.error} />
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('balance.headcountSaved')}
        </p>
      ) : null}
      <Field label={t('balance.headcountLabel')} error={fieldError(save.error, 'headcount')}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            {...form.register('headcount')}
            data-testid="headcount-input"
          />
        )}
      </Field>
      <SubmitButton
        pending={save.pending}
        label={t('form.save')}
        pendingLabel={t('form.saving')}
        testId="headcount-save"
      />
    </form>
  );
}
