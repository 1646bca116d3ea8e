import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { PartnerDetailDto, PartnerRequest, PersonDto } from '@roundtable/contracts';
import { COUNTRY_CODES } from '@roundtable/domain';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Field, FormError, SubmitButton, countryName, fieldError, useApiMutation } from '@roundtable/web-ui';
import { structureMessages } from './structure.messages';
import { STRUCTURE_STALE, structureCommands } from './structure.queries';
import { checkedIds } from './working-group.form';
import styles from './structure.module.css';

interface PartnerValues {
  shortName: string;
  fullName: string;
  country: string;
  personIds: string[];
}

/** Pure: the form's values → the request. */
export function partnerRequest(values: PartnerValues): PartnerRequest {
  return {
    shortName: values.shortName.trim(),
    fullName: values.fullName.trim(),
    country: values.country,
    personIds: checkedIds(values.personIds),
  };
}

/**
 * Adds a partner or edits one: names, country and its people (chosen from the directory). Taking people away
 * from a partner asks first.
 */
export function PartnerForm({
  projectId,
  partner,
  people,
  onSaved,
  onCancel,
}: {
  projectId: string;
  partner: PartnerDetailDto | null;
  people: PersonDto[];
  onSaved: (saved: PartnerDetailDto) => void;
  onCancel: () => void;
}) {
  const { t } = useMessages(structureMessages);
  const { locale } = useLocale();
  const [filter, setFilter] = useState('');
  const form = useForm<PartnerValues>({
    defaultValues: {
      shortName: partner?.shortName ?? '',
      fullName: partner?.fullName ?? '',
      country: partner?.country ?? '',
      personIds: partner?.people.map((p) => p.id) ?? [],
    },
  });
  const { register } = form;
  const chosen = checkedIds(useWatch({ control: form.control, name: 'personIds' }));
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
  const shown = people.filter(
    (person) => chosen.includes(person.id) || person.displayName.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const save = useApiMutation(async (values: PartnerValues) => {
    const body = partnerRequest(values);
    const saved = partner
      ? await structureCommands.updatePartner(partner.id, body)
      : await structureCommands.createPartner(projectId, body);
    onSaved(saved);
    return saved;
  }, STRUCTURE_STALE);

  function submit(values: PartnerValues) {
    const dropped = (partner?.people ?? []).filter((p) => !checkedIds(values.personIds).includes(p.id)).length;
    if (dropped > 0 && !window.confirm(t('structure.confirmDropPeople', { count: dropped }))) return;
    void save.run(values);
  }

  return (
    <form
      className={`card form ${styles.editor}`}
      data-testid="partner-form"
      noValidate
      onSubmit={form.handleSubmit(submit)}
    >
      <h3>{partner ? t('structure.editPartner', { name: partner.shortName }) : t('structure.newPartner')}</h3>
      <FormError error={save.error} />
      <div className="form__row">
        <Field label={t('structure.shortName')} error={fieldError(save.error, 'shortName')}>
          {(props) => <input {...props} {...register('shortName')} maxLength={40} data-testid="partner-short-name" />}
        </Field>
        <Field label={t('structure.fullName')} error={fieldError(save.error, 'fullName')}>
          {(props) => <input {...props} {...register('fullName')} maxLength={200} data-testid="partner-full-name" />}
        </Field>
        <Field label={t('structure.country')} error={fieldError(save.error, 'country')}>
          {(props) => (
            <select {...props} {...register('country')} data-testid="partner-country">
              <option value="">{t('structure.chooseCountry')}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t('structure.people')}</legend>
        <Field label={t('structure.filterPeople')}>
          {(props) => (
            <input
              {...props}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              data-testid="partner-people-filter"
            />
          )}
        </Field>
        <div className={styles.checkboxes}>
          {shown.map((person) => (
            <label key={person.id} className={styles.checkbox}>
              <input
                type="checkbox"
                value={person.id}
                {...register('personIds')}
                data-testid={`partner-person-${person.id}`}
              />
              {person.displayName}
            </label>
          ))}
        </div>
        {fieldError(save.error, 'personIds') ? (
          <p className="form__error" data-testid="field-error">
            {fieldError(save.error, 'personIds')}
          </p>
        ) : null}
      </fieldset>
      <div className="button-row">
        <SubmitButton
          pending={save.pending}
          label={partner ? t('form.save') : t('structure.createPartner')}
          pendingLabel={t('form.saving')}
          testId="partner-save"
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('structure.cancel')}
        </button>
      </div>
    </form>
  );
}
