import { useEffect, useId, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ErrorCode,
  ROADMAP_ACTORS,
  ROADMAP_HORIZONS,
  type RoadmapActionDto,
  type RoadmapActor,
  type RoadmapHorizon,
  type RoadmapMatrixDto,
} from '@roundtable/contracts';
import { ProjectPicker, useSelectedProject } from '@roundtable/web-projects';
import { ApiError, Badge, ErrorMessage, Loading, errorMessage, useApiMutation } from '@roundtable/web-ui';
import { useMessages, type FeatureT } from '@roundtable/web-i18n';
import { roadmapMessages } from './roadmap.messages';
import {
  roadmapCommands,
  roadmapHrefs,
  roadmapKeys,
  useRoadmap,
  useRoadmapMatrix,
  type RoadmapActionInput,
} from './roadmap.queries';
import styles from './roadmap.module.css';

type T = FeatureT<'roadmap', NonNullable<(typeof roadmapMessages)['shape']>>;
type Title = (action: { titleEn: string; titleZh: string }) => string;

const EMPTY: RoadmapActionInput = {
  titleEn: '',
  titleZh: '',
  descriptionEn: '',
  descriptionZh: '',
  actors: [],
  startYear: null,
  endYear: null,
  horizon: 'short',
  dependsOn: [],
  recommendationIds: [],
  noRecommendationReason: null,
};

function inputOf(action: RoadmapActionDto): RoadmapActionInput {
  return {
    titleEn: action.titleEn,
    titleZh: action.titleZh,
    descriptionEn: action.descriptionEn,
    descriptionZh: action.descriptionZh,
    actors: action.actors,
    startYear: action.startYear,
    endYear: action.endYear,
    horizon: action.horizon,
    dependsOn: action.dependsOn,
    recommendationIds: action.recommendationIds,
    noRecommendationReason: action.noRecommendationReason,
  };
}

/** A refusal in the reader's words: a cycle is named with the actions' titles in their language. */
function SaveError({ error, t, titleOf }: { error: unknown; t: T; titleOf: (id: string) => string }) {
  const cycle =
    error instanceof ApiError && error.code === ErrorCode.Conflict
      ? error.fields.find((f) => f.field === 'dependsOn' && f.message.startsWith('cycle: '))
      : undefined;
  const fields = error instanceof ApiError ? error.fields.map((f) => f.field) : [];
  return (
    <div className="alert alert--error" role="alert" data-testid="roadmap-save-error">
      <p>
        {cycle
          ? t('roadmap.cycle', { cycle: cycle.message.slice('cycle: '.length).split(' → ').map(titleOf).join(' → ') })
          : errorMessage(t, error)}
      </p>
      {!cycle && fields.length > 0 ? <p className="muted">{fields.join(', ')}</p> : null}
    </div>
  );
}

function ActionEditor({
  projectId,
  action,
  others,
  matrix,
  t,
  title,
  onDone,
}: {
  projectId: string;
  action: RoadmapActionDto | null;
  others: RoadmapActionDto[];
  matrix: RoadmapMatrixDto | null;
  t: T;
  title: Title;
  onDone: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState<RoadmapActionInput>(action ? inputOf(action) : EMPTY);
  const [byYears, setByYears] = useState(action ? action.startYear !== null : false);
  const save = useApiMutation(
    (input: RoadmapActionInput) =>
      action ? roadmapCommands.update(action.id, input) : roadmapCommands.create(projectId, input),
    [roadmapKeys.all],
  );
  const set = <K extends keyof RoadmapActionInput>(key: K, next: RoadmapActionInput[K]) =>
    setValue((prev) => ({ ...prev, [key]: next }));
  const toggle = <V extends string>(list: V[], item: V): V[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const year = (text: string) => (text.trim() === '' ? null : Number(text));
  const titleOf = (actionId: string) => {
    const found = others.find((a) => a.id === actionId) ?? (action?.id === actionId ? action : null);
    return found ? title(found) : actionId;
  };

  const submit = async () => {
    const body: RoadmapActionInput = {
      ...value,
      startYear: byYears ? value.startYear : null,
      endYear: byYears ? value.endYear : null,
      horizon: byYears ? null : (value.horizon ?? 'short'),
      noRecommendationReason: value.recommendationIds.length > 0 ? null : value.noRecommendationReason,
    };
    if (await save.run(body)) onDone();
  };

  const text = (key: 'titleEn' | 'titleZh' | 'descriptionEn' | 'descriptionZh', multiline = false) => (
    <div className="form__field">
      <label htmlFor={`${id}-${key}`}>{t(`roadmap.${key}`)}</label>
      {multiline ? (
        <textarea id={`${id}-${key}`} value={value[key]} onChange={(e) => set(key, e.target.value)} rows={3} />
      ) : (
        <input
          id={`${id}-${key}`}
          value={value[key]}
          onChange={(e) => set(key, e.target.value)}
          data-testid={`roadmap-${key}`}
        />
      )}
    </div>
  );

  const yearInput = (key: 'startYear' | 'endYear') => (
    <label>
      {t(`roadmap.${key}`)}
      <input
        type="number"
        value={value[key] ?? ''}
        onChange={(e) => set(key, year(e.target.value))}
        data-testid={key === 'startYear' ? 'roadmap-start-year' : 'roadmap-end-year'}
      />
    </label>
  );

  return (
    <form
      className={`card ${styles.form}`}
      data-testid="roadmap-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className={styles.twoColumns}>
        {text('titleEn')}
        {text('titleZh')}
        {text('descriptionEn', true)}
        {text('descriptionZh', true)}
      </div>
      <fieldset className={styles.checks}>
        <legend>{t('roadmap.actorsLabel')}</legend>
        {ROADMAP_ACTORS.map((actor) => (
          <label key={actor}>
            <input
              type="checkbox"
              checked={value.actors.includes(actor)}
              onChange={() => set('actors', toggle(value.actors, actor))}
              data-testid={`roadmap-actor-${actor}`}
            />
            {t(`roadmap.actor.${actor}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.checks}>
        <legend>{t('roadmap.timeframe')}</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={!byYears} onChange={() => setByYears(false)} />
          {t('roadmap.byHorizon')}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={byYears}
            onChange={() => setByYears(true)}
            data-testid="roadmap-by-years"
          />
          {t('roadmap.byYears')}
        </label>
        {byYears ? (
          <>
            {yearInput('startYear')}
            {yearInput('endYear')}
          </>
        ) : (
          <label>
            {t('roadmap.horizonLabel')}
            <select
              value={value.horizon ?? 'short'}
              onChange={(e) => set('horizon', e.target.value as RoadmapHorizon)}
              data-testid="roadmap-horizon"
            >
              {ROADMAP_HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {t(`roadmap.horizon.${h}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset className={styles.checks}>
        <legend>{t('roadmap.dependsOnLabel')}</legend>
        {others.length === 0 ? <span className="muted">{t('roadmap.noDependencies')}</span> : null}
        {others.map((other) => (
          <label key={other.id}>
            <input
              type="checkbox"
              checked={value.dependsOn.includes(other.id)}
              onChange={() => set('dependsOn', toggle(value.dependsOn, other.id))}
              data-testid={`roadmap-depends-${other.id}`}
            />
            {title(other)}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.checks}>
        <legend>{t('roadmap.recommendationsLabel')}</legend>
        {(matrix?.rows ?? []).map(({ recommendation }) => (
          <label key={recommendation.id}>
            <input
              type="checkbox"
              checked={value.recommendationIds.includes(recommendation.id)}
              onChange={() => set('recommendationIds', toggle(value.recommendationIds, recommendation.id))}
              data-testid={`roadmap-implements-${recommendation.id}`}
            />
            {recommendation.workingGroupCode ? `${recommendation.workingGroupCode} · ` : ''}
            {recommendation.title}
          </label>
        ))}
        {value.recommendationIds
          .filter((linked) => !(matrix?.rows ?? []).some((row) => row.recommendation.id === linked))
          .map((linked) => (
            <label key={linked}>
              <input
                type="checkbox"
                checked
                onChange={() => set('recommendationIds', toggle(value.recommendationIds, linked))}
                data-testid={`roadmap-implements-${linked}`}
              />
              {t('roadmap.inactiveLink', { id: linked })}
            </label>
          ))}
      </fieldset>
      {value.recommendationIds.length === 0 ? (
        <div className="form__field">
          <label htmlFor={`${id}-reason`}>{t('roadmap.reasonLabel')}</label>
          <input
            id={`${id}-reason`}
            value={value.noRecommendationReason ?? ''}
            onChange={(e) => set('noRecommendationReason', e.target.value)}
            data-testid="roadmap-reason"
          />
        </div>
      ) : null}
      {save.error ? <SaveError error={save.error} t={t} titleOf={titleOf} /> : null}
      <div className={styles.buttons}>
        <button type="submit" className="button" disabled={save.pending} data-testid="roadmap-save">
          {t('roadmap.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('roadmap.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A simple grid: one row per actor and action, year columns then the three horizons. */
function Timeline({ actions, t, title }: { actions: RoadmapActionDto[]; t: T; title: Title }) {
  const years = actions.flatMap((a) => (a.startYear !== null ? [a.startYear, a.endYear ?? a.startYear] : []));
  const first = years.length > 0 ? Math.min(...years) : 0;
  const yearCount = years.length > 0 ? Math.max(...years) - first + 1 : 0;
  const columns = [
    ...Array.from({ length: yearCount }, (_, i) => String(first + i)),
    ...ROADMAP_HORIZONS.map((h) => t(`roadmap.horizon.${h}`)),
  ];
  const lanes: Array<{ actor: RoadmapActor | null; items: RoadmapActionDto[] }> = [
    ...ROADMAP_ACTORS.map((actor) => ({ actor, items: actions.filter((a) => a.actors.includes(actor)) })),
    { actor: null, items: actions.filter((a) => a.actors.length === 0) },
  ].filter((lane) => lane.items.length > 0);
  if (lanes.length === 0) return <p className="muted">{t('roadmap.timelineEmpty')}</p>;
  const grid: CSSProperties = {
    gridTemplateColumns: `minmax(8rem, 12rem) repeat(${columns.length}, minmax(4rem, 1fr))`,
  };
  let row = 2;
  return (
    <div className={styles.scroll}>
      <div className={styles.timeline} style={grid} data-testid="roadmap-timeline">
        {columns.map((label, i) => (
          <div key={label} className={styles.timelineHead} style={{ gridRow: 1, gridColumn: i + 2 }}>
            {label}
          </div>
        ))}
        {lanes.map((lane) => {
          const start = row;
          row += lane.items.length;
          return [
            <div
              key={`lane-${lane.actor ?? 'none'}`}
              className={styles.timelineActor}
              style={{ gridRow: `${start} / span ${lane.items.length}`, gridColumn: 1 }}
              data-testid="roadmap-timeline-actor"
            >
              {lane.actor ? t(`roadmap.actor.${lane.actor}`) : '—'}
            </div>,
            ...lane.items.map((item, i) => {
              const column =
                item.startYear !== null
                  ? { from: item.startYear - first, span: (item.endYear ?? item.startYear) - item.startYear + 1 }
                  : { from: yearCount + ROADMAP_HORIZONS.indexOf(item.horizon ?? 'short'), span: 1 };
              return (
                <div
                  key={`${lane.actor ?? 'none'}-${item.id}`}
                  className={styles.bar}
                  style={{ gridRow: start + i, gridColumn: `${column.from + 2} / span ${column.span}` }}
                  title={title(item)}
                  data-testid="roadmap-timeline-bar"
                >
                  {title(item)}
                </div>
              );
            }),
          ];
        })}
      </div>
    </div>
  );
}

function Matrix({ matrix, t, title }: { matrix: RoadmapMatrixDto; t: T; title: Title }) {
  return (
    <>
      <p data-testid="roadmap-uncovered-count">
        {matrix.uncovered === 0
          ? t('roadmap.allCovered')
          : t('roadmap.uncovered', { count: matrix.uncovered, total: matrix.total })}
      </p>
      <div className={styles.scroll}>
        <table className={styles.matrix} data-testid="roadmap-matrix">
          <thead>
            <tr>
              <th scope="col">{t('roadmap.group')}</th>
              <th scope="col">{t('roadmap.recommendation')}</th>
              <th scope="col">{t('roadmap.implementedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr
                key={row.recommendation.id}
                className={row.covered ? undefined : styles.uncovered}
                data-testid={row.covered ? 'roadmap-matrix-covered' : 'roadmap-matrix-uncovered'}
              >
                <td>{row.recommendation.workingGroupCode ?? ''}</td>
                <td>{row.recommendation.title}</td>
                <td>{row.covered ? row.actions.map(title).join(' · ') : t('roadmap.notCovered')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matrix.actionsWithoutRecommendation.length > 0 ? (
        <>
          <h3>{t('roadmap.withoutRecommendation')}</h3>
          <ul>
            {matrix.actionsWithoutRecommendation.map((a) => (
              <li key={a.id}>
                {title(a)} — <span className="muted">{a.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The roadmap (D2.3): its actions and their editor, a timeline by actor, and the traceability matrix. */
export function RoadmapPage() {
  const { t } = useMessages(roadmapMessages);
  const { i18n } = useTranslation();
  const id = useId();
  const { projects, project, select } = useSelectedProject();
  const roadmap = useRoadmap(project?.id ?? null);
  const matrix = useRoadmapMatrix(project?.id ?? null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const remove = useApiMutation(roadmapCommands.remove, [roadmapKeys.all]);
  useEffect(() => {
    document.title = `${t('roadmap.title')} · ${t('app.name')}`;
  }, [t]);
  const title: Title = (a) => (i18n.language.startsWith('zh') ? a.titleZh : a.titleEn);

  if (projects.state === 'error')
    return (
      <main className="page" id="main">
        <ErrorMessage error={projects.error} onRetry={projects.reload} />
      </main>
    );
  const actions = roadmap.state === 'ready' ? roadmap.data.actions : [];
  const canEdit = roadmap.state === 'ready' && roadmap.data.canEdit;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const editor = (action: RoadmapActionDto | null) =>
    project ? (
      <ActionEditor
        projectId={project.id}
        action={action}
        others={actions.filter((a) => a.id !== action?.id)}
        matrix={matrix.state === 'ready' ? matrix.data : null}
        t={t}
        title={title}
        onDone={() => setEditing(null)}
      />
    ) : null;

  return (
    <main className="page" id="main" data-testid="roadmap-page">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('roadmap.title')}</h1>
          <p className="muted">{t('roadmap.intro')}</p>
        </div>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      <section className="section" aria-labelledby={`${id}-actions`}>
        <h2 id={`${id}-actions`}>{t('roadmap.actions')}</h2>
        {roadmap.state === 'loading' ? <Loading /> : null}
        {roadmap.state === 'error' ? <ErrorMessage error={roadmap.error} onRetry={roadmap.reload} /> : null}
        {roadmap.state === 'ready' && !canEdit ? <p className="muted">{t('roadmap.readOnly')}</p> : null}
        {roadmap.state === 'ready' && actions.length === 0 ? <p className="muted">{t('roadmap.noActions')}</p> : null}
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
        <ul className={styles.list}>
          {actions.map((action) =>
            editing === action.id ? (
              <li key={action.id}>{editor(action)}</li>
            ) : (
              <li key={action.id} className={`card ${styles.action}`} data-testid="roadmap-action">
                <h3>{title(action)}</h3>
                <p>{i18n.language.startsWith('zh') ? action.descriptionZh : action.descriptionEn}</p>
                <div className={styles.meta}>
                  {action.actors.map((actor) => (
                    <Badge key={actor} tone="info">
                      {t(`roadmap.actor.${actor}`)}
                    </Badge>
                  ))}
                  <Badge>
                    {action.startYear !== null
                      ? `${action.startYear}${action.endYear && action.endYear !== action.startYear ? `–${action.endYear}` : ''}`
                      : t(`roadmap.horizon.${action.horizon ?? 'short'}`)}
                  </Badge>
                  {action.recommendationIds.length > 0 ? (
                    <span>{t('roadmap.implementsCount', { count: action.recommendationIds.length })}</span>
                  ) : (
                    <span className="muted">
                      {t('roadmap.noRecommendation', { reason: action.noRecommendationReason ?? '' })}
                    </span>
                  )}
                </div>
                {action.dependsOn.length > 0 ? (
                  <p className="muted">
                    {t('roadmap.dependsOnList', {
                      titles: action.dependsOn.map((d) => (byId.get(d) ? title(byId.get(d)!) : d)).join(', '),
                    })}
                  </p>
                ) : null}
                {canEdit ? (
                  <div className={styles.buttons}>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setEditing(action.id)}
                      data-testid="roadmap-edit"
                    >
                      {t('roadmap.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => {
                        if (window.confirm(t('roadmap.deleteConfirm', { title: title(action) })))
                          void remove.run(action.id);
                      }}
                    >
                      {t('roadmap.delete')}
                    </button>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
        {canEdit && editing === 'new' ? editor(null) : null}
        {canEdit && editing === null ? (
          <button type="button" className="button" onClick={() => setEditing('new')} data-testid="roadmap-add">
            {t('roadmap.add')}
          </button>
        ) : null}
      </section>
      <section className="section" aria-labelledby={`${id}-timeline`}>
        <h2 id={`${id}-timeline`}>{t('roadmap.timeline')}</h2>
        {roadmap.state === 'ready' ? <Timeline actions={actions} t={t} title={title} /> : null}
      </section>
      <section className="section" aria-labelledby={`${id}-matrix`}>
        <h2 id={`${id}-matrix`}>{t('roadmap.matrix')}</h2>
        <p className="muted">{t('roadmap.matrixIntro')}</p>
        {project ? (
          <p className={styles.exports}>
            <a href={roadmapHrefs.matrixCsv(project.id)} download>
              {t('roadmap.csv')}
            </a>
          </p>
        ) : null}
        {matrix.state === 'loading' ? <Loading /> : null}
        {matrix.state === 'error' ? <ErrorMessage error={matrix.error} onRetry={matrix.reload} /> : null}
        {matrix.state === 'ready' ? <Matrix matrix={matrix.data} t={t} title={title} /> : null}
      </section>
    </main>
  );
}
