import { useEffect, useId, useState, type FormEvent } from 'react';
import type {
  BalanceGroupDto,
  BalanceReportDto,
  BalanceShare,
  BalanceTargetRequest,
  Region,
} from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import {
  CoChairVacancies,
  ProjectPicker,
  genderLabel,
  regionLabel,
  sectorLabel,
  useSelectedProject,
} from '@roundtable/web-projects';
import { adminCommands, adminKeys, balanceCsvHref, useBalance } from './admin.queries';
import {
  ErrorMessage,
  Field,
  FormError,
  Loading,
  fieldError,
  percent,
  useApiMutation,
  SubmitButton,
} from '@roundtable/web-ui';
import { balanceMessages } from './admin.messages';
import styles from './balance.module.css';
import { useMessages } from '@roundtable/web-i18n';

const REGIONS: Region[] = ['europe', 'china', 'other'];
const REGION_COLOR: Record<Region, string> = { europe: '#1d4ed8', china: '#c2410c', other: '#6b7280' };

const CHART_WIDTH = 480;
const LABEL_WIDTH = 90;
const BAR_WIDTH = CHART_WIDTH - LABEL_WIDTH - 10;
const BAR_HEIGHT = 24;
const ROW_GAP = 12;

interface Segment {
  region: Region;
  share: number;
}

function StackedBar({ y, label, segments }: { y: number; label: string; segments: Segment[] }) {
  const { t } = useMessages(balanceMessages);
  // Precompute each segment's start (running sum of the widths before it).
  const widths = segments.map((segment) => Math.max(0, Math.min(1, segment.share)) * BAR_WIDTH);
  const starts = widths.map((_, i) => LABEL_WIDTH + widths.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <g>
      <text
        x={LABEL_WIDTH - 8}
        y={y + BAR_HEIGHT / 2}
        textAnchor="end"
        dominantBaseline="middle"
        className={styles.chartLabel}
      >
        {label}
      </text>
      <rect x={LABEL_WIDTH} y={y} width={BAR_WIDTH} height={BAR_HEIGHT} className={styles.chartTrack} />
      {segments.map((segment, i) => {
        const width = widths[i];
        const start = starts[i];
        if (width <= 0) return null;
        const text = `${regionLabel(t, segment.region)} ${percent(segment.share)}%`;
        return (
          <g key={segment.region}>
            <rect x={start} y={y} width={width} height={BAR_HEIGHT} fill={REGION_COLOR[segment.region]}>
              <title>{`${label}: ${text}`}</title>
            </rect>
            {width > 46 ? (
              <text
                x={start + width / 2}
                y={y + BAR_HEIGHT / 2}
                textAnchor="middle"
                dominantBaseline="middle"
                className={styles.chartValue}
              >
                {`${percent(segment.share)}%`}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** Region share vs target as two horizontal stacked bars (plain SVG), with the gaps in numbers below. */
function RegionChart({ group }: { group: BalanceGroupDto }) {
  const { t } = useMessages(balanceMessages);
  const titleId = useId();
  const actual = REGIONS.map((region) => ({
    region,
    share:
      group.regionGap.find((g) => g.region === region)?.actual ??
      group.byRegion.find((s) => s.key === region)?.share ??
      0,
  }));
  const target = REGIONS.map((region) => ({
    region,
    share: group.regionGap.find((g) => g.region === region)?.target ?? 0,
  }));
  const height = BAR_HEIGHT * 2 + ROW_GAP;
  const summary = REGIONS.map((region, i) =>
    t('balance.chartSummary', {
      region: regionLabel(t, region),
      actual: percent(actual[i].share),
      target: percent(target[i].share),
    }),
  ).join('; ');

  return (
    <figure className={styles.chart} data-testid="balance-chart" data-group={group.code}>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        className={styles.chartSvg}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{`${t('balance.regionShare')} – ${group.code}: ${summary}`}</title>
        <StackedBar y={0} label={t('balance.actual')} segments={actual} />
        <StackedBar y={BAR_HEIGHT + ROW_GAP} label={t('balance.target')} segments={target} />
      </svg>
      <figcaption className={styles.chartLegend}>
        {REGIONS.map((region) => (
          <span key={region} className={styles.legendItem}>
            <span
              className={styles.legendSwatch}
              style={{ backgroundColor: REGION_COLOR[region] }}
              aria-hidden="true"
            />
            {regionLabel(t, region)}
          </span>
        ))}
      </figcaption>
      <table className="table table--compact" data-testid="balance-gap">
        <thead>
          <tr>
            <th scope="col">{t('balance.region')}</th>
            <th scope="col">{t('balance.actual')}</th>
            <th scope="col">{t('balance.target')}</th>
            <th scope="col">{t('balance.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {REGIONS.map((region) => {
            const row = group.regionGap.find((g) => g.region === region);
            const gap = row?.gap ?? 0;
            const points = percent(gap);
            return (
              <tr key={region} data-region={region}>
                <th scope="row">{regionLabel(t, region)}</th>
                <td>{percent(row?.actual ?? 0)}%</td>
                <td>{percent(row?.target ?? 0)}%</td>
                <td className={Math.abs(points) >= 10 ? styles.gapLarge : undefined} data-testid="gap-value">
                  {t('balance.gapPoints', { points: `${points > 0 ? '+' : ''}${points}` })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}

function BarList({ title, shares, label }: { title: string; shares: BalanceShare[]; label: (key: string) => string }) {
  const { t } = useMessages(balanceMessages);
  return (
    <div className={styles.barList}>
      <h4>{title}</h4>
      {shares.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {[...shares]
            .sort((a, b) => b.count - a.count)
            .map((share) => (
              <li key={share.key}>
                <span>{label(share.key)}</span>
                <span className={styles.barTrack} aria-hidden="true">
                  <span className={styles.bar} style={{ width: `${Math.max(0, Math.min(1, share.share)) * 100}%` }} />
                </span>
                <span className={styles.barValue}>
                  {t('balance.countShare', { count: share.count, share: percent(share.share) })}
                </span>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

function GroupBalance({ group }: { group: BalanceGroupDto }) {
  const { t } = useMessages(balanceMessages);
  const headingId = useId();
  return (
    <section
      className={`card ${styles.group}`}
      aria-labelledby={headingId}
      data-testid="balance-group"
      data-group={group.code}
    >
      <h3 id={headingId}>
        {group.workingGroupId === null ? t('balance.overall') : group.code}{' '}
        <span className="muted">· {t('balance.people', { count: group.total })}</span>
      </h3>
      {group.total === 0 ? <p className="muted">{t('balance.noMembers')}</p> : null}
      <RegionChart group={group} />
      <div className={styles.barLists}>
        <BarList title={t('balance.byGender')} shares={group.byGender} label={(key) => genderLabel(t, key)} />
        <BarList title={t('balance.bySector')} shares={group.bySector} label={(key) => sectorLabel(t, key)} />
        <BarList
          title={t('balance.byPartner')}
          shares={group.byPartner}
          label={(key) => (key === 'none' ? t('balance.noPartner') : key)}
        />
      </div>
    </section>
  );
}

function TargetForm({ projectId, target }: { projectId: string; target: BalanceReportDto['target'] }) {
  const { t } = useMessages(balanceMessages);
  const [values, setValues] = useState<Record<Region, string>>({
    europe: String(percent(target.europe)),
    china: String(percent(target.china)),
    other: String(percent(target.other)),
  });
  const [saved, setSaved] = useState(false);
  const numbers = REGIONS.map((r) => Number(values[r]));
  const valid = numbers.every((n) => Number.isFinite(n) && n >= 0 && n <= 100);
  const sum = Math.round(numbers.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0) * 10) / 10;
  const sumOk = valid && Math.abs(sum - 100) < 0.05;

  const save = useApiMutation(async () => {
    const toShare = (r: Region) => Math.round(Number(values[r]) * 100) / 10000;
    const body: BalanceTargetRequest = { europe: toShare('europe'), china: toShare('china'), other: toShare('other') };
    await adminCommands.setBalanceTarget(projectId, body);
    setSaved(true);
  }, [adminKeys.balance(projectId)]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (sumOk) void save.run();
  }

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      data-testid="balance-target-form"
      aria-labelledby="balance-target"
    >
      <h2 id="balance-target">{t('balance.targetHeading')}</h2>
      <p className="muted">{t('balance.targetIntro')}</p>
      <FormError error={save.error} />
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('balance.targetSaved')}
        </p>
      ) : null}
      <div className="form__row">
        {REGIONS.map((region) => (
          <Field
            key={region}
            label={t('balance.targetFor', { region: regionLabel(t, region) })}
            error={fieldError(save.error, region)}
          >
            {(props) => (
              <input
                {...props}
                name={region}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step={1}
                value={values[region]}
                onChange={(e) => setValues((prev) => ({ ...prev, [region]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </div>
      <p className={sumOk ? 'muted' : 'form__error'} role="status">
        {t('balance.targetSum', { sum })}
        {sumOk ? null : ` ${t('balance.targetSumInvalid')}`}
      </p>
      <SubmitButton pending={save.pending} disabled={!sumOk} label={t('form.save')} pendingLabel={t('form.saving')} />
    </form>
  );
}

export function BalancePage() {
  const { t } = useMessages(balanceMessages);
  const user = useCurrentUser();
  const { projects, project, select } = useSelectedProject();
  const balance = useBalance(project?.id ?? null);

  useEffect(() => {
    document.title = `${t('balance.title')} · ${t('app.name')}`;
  }, [t]);

  const groups = balance.state === 'ready' ? balance.data.groups : [];
  const overall = groups.filter((g) => g.workingGroupId === null);
  const perGroup = groups.filter((g) => g.workingGroupId !== null).sort((a, b) => a.code.localeCompare(b.code));

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('balance.title')}</h1>
          <p className="muted">{t('balance.intro')}</p>
        </div>
        <div className="button-row">
          {projects.state === 'ready' ? (
            <ProjectPicker projects={projects.data} project={project} select={select} />
          ) : null}
          {project ? (
            <a
              className="button button--secondary"
              href={balanceCsvHref(project.id)}
              download
              data-testid="balance-csv"
            >
              {t('balance.downloadCsv')}
            </a>
          ) : null}
        </div>
      </header>
      {projects.state === 'loading' || balance.state === 'loading' ? <Loading /> : null}
      {projects.state === 'error' ? <ErrorMessage error={projects.error} onRetry={projects.reload} /> : null}
      {projects.state === 'ready' && !project ? <p className="muted">{t('home.project.empty')}</p> : null}
      {balance.state === 'error' ? <ErrorMessage error={balance.error} onRetry={balance.reload} /> : null}
      {balance.state === 'ready' ? (
        <>
          {(balance.data.vacancies ?? []).length > 0 ? (
            <section className="section" aria-labelledby="balance-vacancies">
              <h2 id="balance-vacancies">{t('balance.vacancies')}</h2>
              <CoChairVacancies vacancies={balance.data.vacancies} withGroup />
            </section>
          ) : null}
          {overall.map((group) => (
            <GroupBalance key="overall" group={group} />
          ))}
          <h2 className="section-title">{t('balance.perGroup')}</h2>
          {perGroup.length === 0 ? <p className="muted">{t('balance.noGroups')}</p> : null}
          <div className={styles.grid}>
            {perGroup.map((group) => (
              <GroupBalance key={group.workingGroupId} group={group} />
            ))}
          </div>
          {canCoordinate(user) && project ? (
            <section className="section">
              <TargetForm key={project.id} projectId={project.id} target={balance.data.target} />
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
