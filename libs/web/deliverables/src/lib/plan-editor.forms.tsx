import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { DocumentStatus, type PartnerDto, type PlanItemDetailDto, type WorkPackageDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { useDocuments } from '@roundtable/web-projects';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { planEditorMessages } from './plan-editor.messages';
import { typeLabel } from './plan-format';
import { planMessages } from './plan.messages';
import { planKeys } from './plan.queries';
import { planEditorCommands, type EditItemValues, type NewItemValues } from './plan-editor.queries';
import styles from './plan.module.css';

const DOCUMENT_STATUSES = Object.values(DocumentStatus);

/** Coordinators add a deliverable or a milestone to the plan (on the dashboard). */
export function NewPlanItemForm({
  projectId,
  workPackages,
  partners,
}: {
  projectId: string;
  workPackages: WorkPackageDto[];
  partners: PartnerDto[];
}) {
  const { t } = useMessages(planEditorMessages);
  const [created, setCreated] = useState<PlanItemDetailDto | null>(null);
  const form = useForm<NewItemValues>({
    defaultValues: {
      kind: 'deliverable',
      number: '',
      titleEn: '',
      titleZh: '',
      dueMonth: '',
      workPackageId: '',
      leadPartnerId: '',
      meansOfVerification: '',
    },
  });
  const { register } = form;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const save = useApiMutation(
    async (values: NewItemValues) => {
      setCreated(null);
      const item = await planEditorCommands.createItem(projectId, values);
      setCreated(item);
      form.reset();
      return item;
    },
    [planKeys.all],
  );
  const error = (field: string) => fieldError(save.error, field);
  return (
    <form
      className="card form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.run(values))}
      aria-labelledby="plan-new-item"
      data-testid="plan-item-form"
    >
      <h2 id="plan-new-item">{t('planEditor.newItem')}</h2>
      <FormError error={save.error} />
      {created ? (
        <p className="alert alert--success" role="status">
          {t('planEditor.created', { number: created.number })}{' '}
          <Link to={`/plan/items/${created.id}`} data-testid="plan-item-created">
            {t('planEditor.open', { number: created.number })}
          </Link>
        </p>
      ) : null}
      <div className="form__row">
        <Field label={t('planEditor.kind')} error={error('kind')}>
          {(props) => (
            <select {...props} {...register('kind')} data-testid="plan-item-kind">
              <option value="deliverable">{t('planEditor.deliverable')}</option>
              <option value="milestone">{t('planEditor.milestone')}</option>
            </select>
          )}
        </Field>
        <Field label={t('planEditor.number')} hint={t('planEditor.numberHint')} error={error('number')}>
          {(props) => <input {...props} {...register('number')} maxLength={20} data-testid="plan-item-number" />}
        </Field>
        <Field label={t('planEditor.dueMonth')} hint={t('planEditor.dueMonthHint')} error={error('dueMonth')}>
          {(props) => <input {...props} {...register('dueMonth')} maxLength={4} data-testid="plan-item-due" />}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('planEditor.titleEn')} error={error('titleEn')}>
          {(props) => <input {...props} {...register('titleEn')} data-testid="plan-item-title-en" />}
        </Field>
        <Field label={t('planEditor.titleZh')} error={error('titleZh')}>
          {(props) => <input {...props} {...register('titleZh')} data-testid="plan-item-title-zh" />}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('planEditor.workPackage')} error={error('workPackageId')}>
          {(props) => (
            <select {...props} {...register('workPackageId')}>
              <option value="">{t('planEditor.none')}</option>
              {workPackages.map((wp) => (
                <option key={wp.id} value={wp.id}>
                  {wp.code}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'deliverable' ? (
          <Field label={t('planEditor.leadPartner')} error={error('leadPartnerId')}>
            {(props) => (
              <select {...props} {...register('leadPartnerId')}>
                <option value="">{t('planEditor.none')}</option>
                {partners.map((partner) => (
                  <option key={partner.id} value={partner.id}>
                    {partner.shortName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field label={t('planEditor.verification')} error={error('meansOfVerification')}>
            {(props) => <input {...props} {...register('meansOfVerification')} />}
          </Field>
        )}
      </div>
      <SubmitButton
        pending={save.pending}
        label={t('planEditor.create')}
        pendingLabel={t('form.saving')}
        testId="plan-item-create"
      />
    </form>
  );
}

/** Coordinators correct an item's number, titles, due month and (deliverables) type (on the item's page). */
export function EditPlanItemForm({ item }: { item: PlanItemDetailDto }) {
  const { t } = useMessages(planEditorMessages);
  const { t: planT } = useMessages(planMessages);
  const [saved, setSaved] = useState(false);
  const defaults = (from: PlanItemDetailDto): EditItemValues => ({
    number: from.number,
    titleEn: from.title.en,
    titleZh: from.title.zh,
    dueMonth: `M${from.dueMonth}`,
    type: from.type ?? 'report',
    reason: '',
  });
  const form = useForm<EditItemValues>({ defaultValues: defaults(item) });
  const { register } = form;
  const save = useApiMutation(
    async (values: EditItemValues) => {
      setSaved(false);
      const edited = await planEditorCommands.editItem(item, values);
      setSaved(true);
      form.reset(defaults(edited));
      return edited;
    },
    [planKeys.all],
  );
  const error = (field: string) => fieldError(save.error, field);
  return (
    <form
      className="card plan-card form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.run(values))}
      aria-labelledby="plan-edit-item"
      data-testid="plan-item-edit-form"
    >
      <h2 id="plan-edit-item">{t('planEditor.editItem')}</h2>
      <FormError error={save.error} />
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('planEditor.saved')}
        </p>
      ) : null}
      <div className="form__row">
        <Field label={t('planEditor.number')} hint={t('planEditor.numberHint')} error={error('number')}>
          {(props) => <input {...props} {...register('number')} maxLength={20} data-testid="plan-edit-number" />}
        </Field>
        <Field label={t('planEditor.dueMonth')} hint={t('planEditor.dueMonthHint')} error={error('dueMonth')}>
          {(props) => <input {...props} {...register('dueMonth')} maxLength={4} data-testid="plan-edit-due" />}
        </Field>
        {item.kind === 'deliverable' ? (
          <Field label={t('planEditor.type')} error={error('type')}>
            {(props) => (
              <select {...props} {...register('type')} data-testid="plan-edit-type">
                <option value="report">{typeLabel(planT, 'report')}</option>
                <option value="other">{typeLabel(planT, 'other')}</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="form__row">
        <Field label={t('planEditor.titleEn')} error={error('titleEn')}>
          {(props) => <input {...props} {...register('titleEn')} data-testid="plan-edit-title-en" />}
        </Field>
        <Field label={t('planEditor.titleZh')} error={error('titleZh')}>
          {(props) => <input {...props} {...register('titleZh')} data-testid="plan-edit-title-zh" />}
        </Field>
      </div>
      <Field label={t('planEditor.reason')} hint={t('planEditor.reasonHint')} error={error('reason')}>
        {(props) => <input {...props} {...register('reason')} data-testid="plan-edit-reason" />}
      </Field>
      <SubmitButton
        pending={save.pending}
        label={t('planEditor.save')}
        pendingLabel={t('form.saving')}
        testId="plan-edit-save"
      />
    </form>
  );
}

/** Coordinators link a project document to a deliverable or milestone (on the item's page). */
export function LinkDocumentForm({ item }: { item: PlanItemDetailDto }) {
  const { t } = useMessages(planEditorMessages);
  const { pick } = useLocale();
  const documents = useDocuments();
  const form = useForm<{ documentId: string; requiredStatus: DocumentStatus; requiresReviewResponded: boolean }>({
    defaultValues: { documentId: '', requiredStatus: 'final', requiresReviewResponded: false },
  });
  const [linked, setLinked] = useState(false);
  const save = useApiMutation(
    async (values: { documentId: string; requiredStatus: DocumentStatus; requiresReviewResponded: boolean }) => {
      setLinked(false);
      await planEditorCommands.linkDocument(
        item.id,
        values.documentId,
        values.requiredStatus,
        values.requiresReviewResponded,
      );
      setLinked(true);
      form.reset();
    },
    [planKeys.all],
  );
  const linkedIds = new Set(item.documents.map((d) => d.id));
  const candidates =
    documents.state === 'ready' ? documents.data.filter((d) => !linkedIds.has(d.id) && d.type !== 'minutes') : [];
  return (
    <form
      className={`card form ${styles.planCard}`}
      noValidate
      onSubmit={form.handleSubmit((values) => save.run(values))}
      aria-labelledby="plan-link-document"
      data-testid="link-document-form"
    >
      <h2 id="plan-link-document">{t('planEditor.linkDocument')}</h2>
      <FormError error={save.error} />
      {linked ? (
        <p className="alert alert--success" role="status">
          {t('planEditor.linked')}
        </p>
      ) : null}
      <div className="form__row">
        <Field label={t('planEditor.document')} error={fieldError(save.error, 'documentId')}>
          {(props) => (
            <select {...props} {...form.register('documentId', { required: true })} data-testid="link-document">
              <option value="">{t('planEditor.chooseDocument')}</option>
              {candidates.map((document) => (
                <option key={document.id} value={document.id}>
                  {`${document.workingGroupCode ?? '—'} · ${pick(document.title)}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('planEditor.requiredStatus')} error={fieldError(save.error, 'requiredStatus')}>
          {(props) => (
            <select {...props} {...form.register('requiredStatus')} data-testid="link-document-status">
              {DOCUMENT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`documentStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label>
        <input type="checkbox" {...form.register('requiresReviewResponded')} data-testid="link-document-review" />{' '}
        {t('planEditor.requiresReviewResponded')}
      </label>
      <SubmitButton
        pending={save.pending}
        label={t('planEditor.link')}
        pendingLabel={t('form.saving')}
        testId="link-document-save"
      />
    </form>
  );
}

/** Unlinks a document from the item, after asking. */
export function UnlinkDocumentButton({
  itemId,
  documentId,
  title,
}: {
  itemId: string;
  documentId: string;
  title: string;
}) {
  const { t } = useMessages(planEditorMessages);
  const unlink = useApiMutation(() => planEditorCommands.unlinkDocument(itemId, documentId), [planKeys.all]);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={unlink.pending}
      onClick={() => {
        if (window.confirm(t('planEditor.confirmUnlink', { title }))) void unlink.run();
      }}
      data-testid="unlink-document"
    >
      {t('planEditor.unlink')}
    </button>
  );
}
