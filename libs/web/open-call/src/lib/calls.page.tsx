import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { CreateExpertCallRequest, ExpertCallDto, ProjectDto } from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ProjectPicker, useSelectedProject, useWorkingGroups } from '@roundtable/web-projects';
import {
  Badge,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  fieldError,
  formatDateTime,
  useAction,
  SubmitButton,
} from '@roundtable/web-ui';
import { openCallCommands, useCalls } from './open-call.queries';
import { callsMessages } from './open-call.messages';
import styles from './open-call.module.css';

const BILINGUAL_FIELDS = ['title', 'description', 'eligibility'] as const;
type BilingualField = (typeof BILINGUAL_FIELDS)[number];

/** `datetime-local` value (local time, minutes) → ISO timestamp; '' when empty or invalid. */
function localToIso(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function defaultClosing(): string {
  const date = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  date.setHours(23, 59, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function CallForm({ project, onCreated }: { project: ProjectDto; onCreated: () => void }) {
  const { t } = useMessages(callsMessages);
  const { pick } = useLocale();
  const id = useId();
  const groups = useWorkingGroups();
  const projectGroups = (groups.data ?? []).filter((g) => g.projectId === project.id);
  const empty = { title: { en: '', zh: '' }, description: { en: '', zh: '' }, eligibility: { en: '', zh: '' } };
  const [texts, setTexts] = useState<Record<BilingualField, { en: string; zh: string }>>(empty);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [closesAt, setClosesAt] = useState(defaultClosing);
  const [created, setCreated] = useState(false);

  const create = useAction(async () => {
    const body: CreateExpertCallRequest = {
      projectId: project.id,
      title: { en: texts.title.en.trim(), zh: texts.title.zh.trim() },
      description: { en: texts.description.en.trim(), zh: texts.description.zh.trim() },
      eligibility: { en: texts.eligibility.en.trim(), zh: texts.eligibility.zh.trim() },
      workingGroupIds: groupIds,
      closesAt: localToIso(closesAt),
    };
    await openCallCommands.create(body);
    setTexts(empty);
    setGroupIds([]);
    setCreated(true);
    onCreated();
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(false);
    void create.run();
  }

  const setText = (field: BilingualField, lang: 'en' | 'zh', value: string) =>
    setTexts((prev) => ({ ...prev, [field]: { ...prev[field], [lang]: value } }));

  return (
    <form className="card form" onSubmit={onSubmit} noValidate data-testid="call-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('calls.form.heading')}</h2>
      <p className="muted">{t('calls.form.intro')}</p>
      <FormError error={create.error} testId="call-form-error" />
      {created ? (
        <p className="alert alert--success" role="status">
          {t('calls.form.created')}
        </p>
      ) : null}
      {BILINGUAL_FIELDS.map((field) => (
        <fieldset key={field} className="fieldset">
          <legend>{t(`calls.form.${field}`)}</legend>
          <div className="form__row">
            {(['en', 'zh'] as const).map((lang) => {
              const name = `${field}.${lang}`;
              const multiline = field !== 'title';
              return (
                <Field
                  key={lang}
                  label={lang === 'en' ? t('calls.form.inEnglish') : t('calls.form.inChinese')}
                  error={
                    fieldError(create.error, name) ?? (lang === 'en' ? fieldError(create.error, field) : undefined)
                  }
                >
                  {(props) =>
                    multiline ? (
                      <textarea
                        {...props}
                        name={name}
                        rows={4}
                        lang={lang === 'zh' ? 'zh-CN' : 'en'}
                        value={texts[field][lang]}
                        onChange={(e) => setText(field, lang, e.target.value)}
                      />
                    ) : (
                      <input
                        {...props}
                        name={name}
                        lang={lang === 'zh' ? 'zh-CN' : 'en'}
                        value={texts[field][lang]}
                        onChange={(e) => setText(field, lang, e.target.value)}
                      />
                    )
                  }
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <fieldset
        className="fieldset"
        aria-describedby={fieldError(create.error, 'workingGroupIds') ? `${id}-wg-error` : undefined}
      >
        <legend>{t('calls.form.workingGroups')}</legend>
        {groups.state === 'loading' ? <Loading /> : null}
        <div className={styles.checkboxGrid}>
          {projectGroups.map((group) => (
            <label key={group.id} className="checkbox">
              <input
                type="checkbox"
                name="workingGroupIds"
                value={group.id}
                checked={groupIds.includes(group.id)}
                onChange={(e) =>
                  setGroupIds((prev) => (e.target.checked ? [...prev, group.id] : prev.filter((g) => g !== group.id)))
                }
              />
              <span>
                <strong>{group.code}</strong> {pick(group.title)}
              </span>
            </label>
          ))}
        </div>
        {fieldError(create.error, 'workingGroupIds') ? (
          <p className="form__error" id={`${id}-wg-error`}>
            {t('form.fieldInvalid', { message: fieldError(create.error, 'workingGroupIds') })}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t('calls.form.closesAt')}
        error={fieldError(create.error, 'closesAt')}
        hint={t('calls.form.closesAtHint')}
      >
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            name="closesAt"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
          />
        )}
      </Field>
      <SubmitButton pending={create.pending} label={t('calls.form.open')} pendingLabel={t('calls.form.opening')} />
    </form>
  );
}

function CallCard({ call, canManage, onChanged }: { call: ExpertCallDto; canManage: boolean; onChanged: () => void }) {
  const { t } = useMessages(callsMessages);
  const { locale, pick } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const close = useAction(async () => {
    await openCallCommands.close(call.id);
    setConfirming(false);
    onChanged();
  });
  const publicPath = `/apply/${call.id}`;
  const publicUrl = typeof window !== 'undefined' ? `${window.location.origin}${publicPath}` : publicPath;

  return (
    <li className="card" data-testid="call" data-call-id={call.id} data-open={call.open ? 'true' : 'false'}>
      <div className={styles.cardHead}>
        <h3>{pick(call.title)}</h3>
        <Badge tone={call.open ? 'success' : 'neutral'}>{call.open ? t('calls.open') : t('calls.closed')}</Badge>
      </div>
      <p className="prose">{pick(call.description)}</p>
      <dl className="facts">
        <div>
          <dt>{t('calls.closesAt')}</dt>
          <dd>{formatDateTime(call.closesAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('calls.workingGroups')}</dt>
          <dd className="tag-list">
            {call.workingGroups.map((g) => (
              <abbr key={g.id} title={pick(g.title)} className="tag">
                {g.code}
              </abbr>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('calls.publicLink')}</dt>
          <dd>
            <a href={publicPath} target="_blank" rel="noopener" data-testid="call-public-link">
              {publicUrl}
            </a>
          </dd>
        </div>
      </dl>
      <div className="button-row">
        <Link
          className="button button--secondary"
          to={`/calls/${call.id}/applications`}
          data-testid="call-applications-link"
        >
          {t('calls.reviewApplications')}
        </Link>
        {canManage && call.open ? (
          confirming ? (
            <span className="confirm">
              <span>{t('calls.confirmClose')}</span>
              <button
                type="button"
                className="button button--danger"
                disabled={close.pending}
                onClick={() => void close.run()}
                data-testid="call-close-confirm"
              >
                {t('calls.close')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(true)}
              data-testid="call-close"
            >
              {t('calls.close')}
            </button>
          )
        ) : null}
      </div>
      <FormError error={close.error} />
    </li>
  );
}

export function CallsPage() {
  const { t } = useMessages(callsMessages);
  const user = useCurrentUser();
  const canManage = canCoordinate(user);
  const { projects, project, select } = useSelectedProject();
  const calls = useCalls(project?.id ?? null);

  useEffect(() => {
    document.title = `${t('calls.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('calls.title')}</h1>
          <p className="muted">{t('calls.intro')}</p>
        </div>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      {projects.state === 'loading' ? <Loading /> : null}
      {projects.state === 'error' ? <ErrorMessage error={projects.error} onRetry={projects.reload} /> : null}
      {projects.state === 'ready' && !project ? <p className="muted">{t('home.project.empty')}</p> : null}
      {project ? (
        <>
          <section className="section" aria-labelledby="calls-list">
            <h2 id="calls-list">{t('calls.listHeading')}</h2>
            {calls.state === 'loading' ? <Loading /> : null}
            {calls.state === 'error' ? <ErrorMessage error={calls.error} onRetry={calls.reload} /> : null}
            {calls.state === 'ready' ? (
              calls.data.length === 0 ? (
                <p className="muted">{t('calls.empty')}</p>
              ) : (
                <ul className={styles.stack} data-testid="calls">
                  {[...calls.data]
                    .sort((a, b) => Number(b.open) - Number(a.open) || b.closesAt.localeCompare(a.closesAt))
                    .map((call) => (
                      <CallCard key={call.id} call={call} canManage={canManage} onChanged={calls.reload} />
                    ))}
                </ul>
              )
            ) : null}
          </section>
          {canManage ? (
            <section className="section">
              <CallForm key={project.id} project={project} onCreated={calls.reload} />
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
