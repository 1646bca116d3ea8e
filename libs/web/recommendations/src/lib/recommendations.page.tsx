import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RecommendationDto, RecommendationPairDto } from '@roundtable/contracts';
import { ProjectPicker, useSelectedProject, useWorkingGroups } from '@roundtable/web-projects';
import { Badge, ErrorMessage, LoadMore, Loading, formatDay, useApiMutation } from '@roundtable/web-ui';
import { useMessages, type FeatureT } from '@roundtable/web-i18n';
import {
  ADDRESSEES,
  HORIZONS,
  recommendationCommands,
  recommendationHrefs,
  recommendationKeys,
  useDuplicates,
  useRecommendation,
  useRecommendations,
  type RecommendationFilter,
} from './recommendations.queries';
import { recommendationsMessages } from './recommendations.messages';
import styles from './recommendations.module.css';

const STATUSES = ['active', 'merged', 'removed'] as const;
const CHANGES = ['created', 'title', 'body', 'addressee', 'horizon', 'priority', 'frameworks', 'status'] as const;
const FRAMEWORKS = ['icpermed-p1', 'icpermed-p2', 'icpermed-p3', 'icpermed-p4', 'icpermed-p5'] as const;

type T = FeatureT<'recommendations', NonNullable<(typeof recommendationsMessages)['shape']>>;

function oneOf<V extends string>(list: readonly V[], value: string): V | null {
  return (list as readonly string[]).includes(value) ? (value as V) : null;
}

/** A recommendation's attributes as badges, translated. */
function Meta({ item, t, lang }: { item: RecommendationDto; t: T; lang: string }) {
  const addressee = oneOf(ADDRESSEES, item.addressee);
  return (
    <div className={styles.meta}>
      {item.workingGroupCode ? <Badge tone="info">{item.workingGroupCode}</Badge> : null}
      <span className="muted">{lang.startsWith('zh') ? item.documentTitleZh : item.documentTitleEn}</span>
      {addressee ? <Badge>{t(`recommendations.addressee.${addressee}`)}</Badge> : null}
      <Badge>{t(`recommendations.horizon.${item.horizon}`)}</Badge>
      <Badge tone={item.priority === 'high' ? 'warning' : 'neutral'}>
        {t(`recommendations.priority.${item.priority}`)}
      </Badge>
      {item.status !== 'active' ? <Badge tone="danger">{t(`recommendations.status.${item.status}`)}</Badge> : null}
      {item.frameworks.map((code) => {
        const framework = oneOf(FRAMEWORKS, code);
        return framework ? <Badge key={code}>{t(`recommendations.framework.${framework}`)}</Badge> : null;
      })}
    </div>
  );
}

function History({ id, t, lang }: { id: string; t: T; lang: string }) {
  const detail = useRecommendation(id);
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  return (
    <ol className={styles.history} data-testid="recommendation-history">
      {detail.data.history.map((entry) => (
        <li key={entry.revision}>
          {t('recommendations.revision', { n: entry.revision })}:{' '}
          {entry.changes
            .map((change) => oneOf(CHANGES, change))
            .filter((change) => change !== null)
            .map((change) => t(`recommendations.changes.${change}`))
            .join(', ')}{' '}
          ·{' '}
          {entry.version
            ? t('recommendations.inVersion', { date: formatDay(entry.version.createdAt, lang) })
            : t('recommendations.noVersion')}
        </li>
      ))}
    </ol>
  );
}

function Item({ item, t, lang }: { item: RecommendationDto; t: T; lang: string }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={`card ${styles.item}`} data-testid="recommendation-item">
      <h3>{item.title}</h3>
      <Meta item={item} t={t} lang={lang} />
      <p className={styles.body}>{item.body}</p>
      <button type="button" className="button button--link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('recommendations.hideHistory') : t('recommendations.history')}
      </button>
      {open ? <History id={item.id} t={t} lang={lang} /> : null}
    </li>
  );
}

function Pair({ pair, t, lang }: { pair: RecommendationPairDto; t: T; lang: string }) {
  const decide = useApiMutation(recommendationCommands.decide, [recommendationKeys.all]);
  const merge = useApiMutation(recommendationCommands.merge, [recommendationKeys.all]);
  const busy = decide.pending || merge.pending;
  return (
    <li className="card" data-testid="duplicate-pair">
      <p className="muted">
        {t('recommendations.duplicates.score', { score: pair.score.toFixed(2) })}{' '}
        {pair.status === 'duplicate' ? <Badge tone="warning">{t('recommendations.duplicates.duplicate')}</Badge> : null}
      </p>
      <div className={styles.pair}>
        {[pair.a, pair.b].map((side) => (
          <div key={side.id}>
            <h3>{side.title}</h3>
            <Meta item={side} t={t} lang={lang} />
            <p className={styles.body}>{side.body}</p>
          </div>
        ))}
      </div>
      {pair.canDecide ? (
        <div className={styles.actions}>
          {(['duplicate', 'related', 'distinct'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void decide.run(pair.id, decision)}
              data-testid={`pair-${decision}`}
            >
              {t(`recommendations.duplicates.${decision}`)}
            </button>
          ))}
          {[pair.a, pair.b].map((canonical) => (
            <button
              key={canonical.id}
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void merge.run(pair.id, canonical.id)}
              data-testid="pair-merge"
            >
              {t('recommendations.duplicates.merge', { title: canonical.title })}
            </button>
          ))}
        </div>
      ) : null}
      {decide.error || merge.error ? <ErrorMessage error={decide.error ?? merge.error} /> : null}
    </li>
  );
}

/** The project-wide registry of recommendations with filters, search, exports and duplicate candidates. */
export function RecommendationsPage() {
  const { t } = useMessages(recommendationsMessages);
  const { i18n } = useTranslation();
  const id = useId();
  const { projects, project, select } = useSelectedProject();
  const groups = useWorkingGroups(project !== null);
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => {
    document.title = `${t('recommendations.title')} · ${t('app.name')}`;
  }, [t]);
  const filter: RecommendationFilter = {
    q: debounced,
    workingGroupId: params.get('group') ?? '',
    addressee: oneOf(ADDRESSEES, params.get('addressee') ?? '') ?? undefined,
    horizon: oneOf(HORIZONS, params.get('horizon') ?? '') ?? undefined,
    status: oneOf(STATUSES, params.get('status') ?? '') ?? undefined,
  };
  const list = useRecommendations(project?.id ?? null, filter);
  const duplicates = useDuplicates(project?.id ?? null);
  const setFilter = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const projectGroups = (groups.state === 'ready' ? groups.data : []).filter((g) => g.projectId === project?.id);
  const select_ = (key: string, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="form__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={params.get(key) ?? ''}
        onChange={(e) => setFilter(key, e.target.value)}
        data-testid={`recommendations-${key}-filter`}
      >
        <option value="">{t('recommendations.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  if (projects.state === 'error')
    return (
      <main className="page" id="main">
        <ErrorMessage error={projects.error} onRetry={projects.reload} />
      </main>
    );
  return (
    <main className="page" id="main" data-testid="recommendations-page">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('recommendations.title')}</h1>
          <p className="muted">{t('recommendations.intro')}</p>
        </div>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      <form className="filters card" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="form__field filters__search">
          <label htmlFor={`${id}-q`}>{t('recommendations.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setFilter('q', e.target.value);
            }}
            placeholder={t('recommendations.searchPlaceholder')}
            data-testid="recommendations-search"
          />
        </div>
        {select_(
          'group',
          t('recommendations.group'),
          projectGroups.map((g) => ({ value: g.id, label: g.code })),
        )}
        {select_(
          'addressee',
          t('recommendations.addresseeLabel'),
          ADDRESSEES.map((value) => ({ value, label: t(`recommendations.addressee.${value}`) })),
        )}
        {select_(
          'horizon',
          t('recommendations.horizonLabel'),
          HORIZONS.map((value) => ({ value, label: t(`recommendations.horizon.${value}`) })),
        )}
        {select_(
          'status',
          t('recommendations.statusLabel'),
          STATUSES.map((value) => ({ value, label: t(`recommendations.status.${value}`) })),
        )}
      </form>
      {project ? (
        <p className={styles.exports}>
          <a href={recommendationHrefs.csv(project.id)} download>
            {t('recommendations.csv')}
          </a>
          <a href={recommendationHrefs.docx(project.id)} download>
            {t('recommendations.docx')}
          </a>
        </p>
      ) : null}
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' ? (
        <section className="section" aria-label={t('recommendations.title')} aria-busy={debounced !== q}>
          {list.data.length === 0 ? <p className="muted">{t('recommendations.empty')}</p> : null}
          <ul className={styles.list}>
            {list.data.map((item) => (
              <Item key={item.id} item={item} t={t} lang={i18n.language} />
            ))}
          </ul>
          <LoadMore list={list} testId="recommendations-load-more" />
        </section>
      ) : null}
      <section className="section" aria-labelledby={`${id}-duplicates`}>
        <h2 id={`${id}-duplicates`}>{t('recommendations.duplicates.title')}</h2>
        <p className="muted">{t('recommendations.duplicates.intro')}</p>
        {duplicates.state === 'loading' ? <Loading /> : null}
        {duplicates.state === 'error' ? <ErrorMessage error={duplicates.error} onRetry={duplicates.reload} /> : null}
        {duplicates.state === 'ready' ? (
          duplicates.data.length === 0 ? (
            <p className="muted">{t('recommendations.duplicates.empty')}</p>
          ) : (
            <ul className={styles.list}>
              {duplicates.data.map((pair) => (
                <Pair key={pair.id} pair={pair} t={t} lang={i18n.language} />
              ))}
            </ul>
          )
        ) : null}
      </section>
    </main>
  );
}
