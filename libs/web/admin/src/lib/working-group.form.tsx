import { useFieldArray, useForm } from 'react-hook-form';
import type {
  PartnerDetailDto,
  WorkingGroupDetailDto,
  WorkingGroupDto,
  WorkingGroupRequest,
} from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { structureMessages } from './structure.messages';
import { STRUCTURE_STALE, structureCommands } from './structure.queries';
import styles from './structure.module.css';

interface DimensionValues {
  titleEn: string;
  titleZh: string;
  focusEn: string;
  focusZh: string;
  goalEn: string;
  goalZh: string;
}

export interface WorkingGroupValues {
  code: string;
  titleEn: string;
  titleZh: string;
  aimEn: string;
  aimZh: string;
  dimensions: DimensionValues[];
  guidingPartnerIds: string[];
}

const EMPTY_DIMENSION: DimensionValues = { titleEn: '', titleZh: '', focusEn: '', focusZh: '', goalEn: '', goalZh: '' };

/** The form's values for a stored group (or an empty one for a new group). */
export function groupValues(group: WorkingGroupDetailDto | null): WorkingGroupValues {
  if (!group) {
    return { code: '', titleEn: '', titleZh: '', aimEn: '', aimZh: '', dimensions: [], guidingPartnerIds: [] };
  }
  return {
    code: group.code,
    titleEn: group.title.en,
    titleZh: group.title.zh,
    aimEn: group.aim.en,
    aimZh: group.aim.zh,
    dimensions: group.dimensions.map((d) => ({
      titleEn: d.title.en,
      titleZh: d.title.zh,
      focusEn: d.focus.en,
      focusZh: d.focus.zh,
      goalEn: d.goal.en,
      goalZh: d.goal.zh,
    })),
    guidingPartnerIds: group.guidingPartners.map((p) => p.id),
  };
}

/** Pure: the form's values → the request (texts trimmed; the server checks them and names what is wrong). */
export function groupRequest(values: WorkingGroupValues): WorkingGroupRequest {
  const pair = (en: string, zh: string) => ({ en: en.trim(), zh: zh.trim() });
  return {
    code: values.code.trim(),
    title: pair(values.titleEn, values.titleZh),
    aim: pair(values.aimEn, values.aimZh),
    dimensions: values.dimensions.map((d) => ({
      title: pair(d.titleEn, d.titleZh),
      focus: pair(d.focusEn, d.focusZh),
      goal: pair(d.goalEn, d.goalZh),
    })),
    guidingPartnerIds: checkedIds(values.guidingPartnerIds),
  };
}

/** A checkbox group's value: a list (react-hook-form gives a lone checkbox's value or false when it is alone). */
export function checkedIds(value: string[] | string | boolean | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * Creates a working group in the project, or edits one (title, aim, dimensions with focus and goal, guiding
 * partners). Removing a dimension asks first; nothing is stored until the form is saved.
 */
export function WorkingGroupForm({
  projectId,
  group,
  partners,
  onSaved,
  onCancel,
}: {
  projectId: string;
  group: WorkingGroupDetailDto | null;
  partners: PartnerDetailDto[];
  onSaved: (saved: WorkingGroupDto) => void;
  onCancel: () => void;
}) {
  const { t } = useMessages(structureMessages);
  const form = useForm<WorkingGroupValues>({ defaultValues: groupValues(group) });
  const { register } = form;
  const dimensions = useFieldArray({ control: form.control, name: 'dimensions' });
  const save = useApiMutation(async (values: WorkingGroupValues) => {
    const body = groupRequest(values);
    const saved = group
      ? await structureCommands.updateWorkingGroup(group.id, body)
      : await structureCommands.createWorkingGroup(projectId, body);
    onSaved(saved);
    return saved;
  }, STRUCTURE_STALE);
  const error = (field: string) => fieldError(save.error, field);

  function removeDimension(index: number) {
    if (window.confirm(t('structure.confirmRemoveDimension', { number: index + 1 }))) dimensions.remove(index);
  }

  return (
    <form
      className={`card form ${styles.editor}`}
      data-testid="working-group-form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.run(values))}
    >
      <h3>{group ? t('structure.editGroup', { code: group.code }) : t('structure.newGroup')}</h3>
      <FormError error={save.error} />
      <div className="form__row">
        <Field label={t('structure.code')} hint={t('structure.codeHint')} error={error('code')}>
          {(props) => <input {...props} {...register('code')} maxLength={20} data-testid="group-code" />}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('structure.titleEn')} error={error('title.en')}>
          {(props) => <input {...props} {...register('titleEn')} maxLength={200} data-testid="group-title-en" />}
        </Field>
        <Field label={t('structure.titleZh')} error={error('title.zh')}>
          {(props) => <input {...props} {...register('titleZh')} maxLength={200} data-testid="group-title-zh" />}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('structure.aimEn')} error={error('aim.en')}>
          {(props) => <textarea {...props} {...register('aimEn')} rows={3} data-testid="group-aim-en" />}
        </Field>
        <Field label={t('structure.aimZh')} error={error('aim.zh')}>
          {(props) => <textarea {...props} {...register('aimZh')} rows={3} data-testid="group-aim-zh" />}
        </Field>
      </div>

      <fieldset className={styles.fieldset}>
        <legend>{t('structure.dimensions')}</legend>
        {dimensions.fields.map((field, index) => (
          <div key={field.id} className={styles.dimension} data-testid="dimension">
            <div className={styles.dimensionHeader}>
              <h4>{t('structure.dimension', { number: index + 1 })}</h4>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => removeDimension(index)}
                data-testid={`dimension-remove-${index}`}
              >
                {t('structure.removeDimension', { number: index + 1 })}
              </button>
            </div>
            <div className="form__row">
              <Field label={t('structure.titleEn')} error={error(`dimensions.${index}.title.en`)}>
                {(props) => (
                  <input
                    {...props}
                    {...register(`dimensions.${index}.titleEn`)}
                    data-testid={`dimension-${index}-title-en`}
                  />
                )}
              </Field>
              <Field label={t('structure.titleZh')} error={error(`dimensions.${index}.title.zh`)}>
                {(props) => (
                  <input
                    {...props}
                    {...register(`dimensions.${index}.titleZh`)}
                    data-testid={`dimension-${index}-title-zh`}
                  />
                )}
              </Field>
            </div>
            <div className="form__row">
              <Field label={t('structure.focusEn')} error={error(`dimensions.${index}.focus.en`)}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    {...register(`dimensions.${index}.focusEn`)}
                    data-testid={`dimension-${index}-focus-en`}
                  />
                )}
              </Field>
              <Field label={t('structure.focusZh')} error={error(`dimensions.${index}.focus.zh`)}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    {...register(`dimensions.${index}.focusZh`)}
                    data-testid={`dimension-${index}-focus-zh`}
                  />
                )}
              </Field>
            </div>
            <div className="form__row">
              <Field label={t('structure.goalEn')} error={error(`dimensions.${index}.goal.en`)}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    {...register(`dimensions.${index}.goalEn`)}
                    data-testid={`dimension-${index}-goal-en`}
                  />
                )}
              </Field>
              <Field label={t('structure.goalZh')} error={error(`dimensions.${index}.goal.zh`)}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    {...register(`dimensions.${index}.goalZh`)}
                    data-testid={`dimension-${index}-goal-zh`}
                  />
                )}
              </Field>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => dimensions.append({ ...EMPTY_DIMENSION })}
          data-testid="dimension-add"
        >
          {t('structure.addDimension')}
        </button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>{t('structure.guidingPartners')}</legend>
        {partners.length === 0 ? <p className="muted">{t('structure.noPartners')}</p> : null}
        <div className={styles.checkboxes}>
          {partners.map((partner) => (
            <label key={partner.id} className={styles.checkbox}>
              <input
                type="checkbox"
                value={partner.id}
                {...register('guidingPartnerIds')}
                data-testid={`guiding-partner-${partner.shortName}`}
              />
              {partner.shortName}
            </label>
          ))}
        </div>
        {error('guidingPartnerIds') ? (
          <p className="form__error" data-testid="field-error">
            {error('guidingPartnerIds')}
          </p>
        ) : null}
      </fieldset>

      <div className="button-row">
        <SubmitButton
          pending={save.pending}
          label={group ? t('form.save') : t('structure.createGroup')}
          pendingLabel={t('form.saving')}
          testId="working-group-save"
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('structure.cancel')}
        </button>
      </div>
    </form>
  );
}
