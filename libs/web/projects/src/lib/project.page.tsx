import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectDto, WorkingGroupDto } from '@roundtable/contracts';
import { useLocale } from '@roundtable/web-i18n';
import { Badge, ErrorMessage, Loading, type Resource } from '@roundtable/web-ui';
import { useDocuments, useProjects, useWorkingGroups } from './projects.queries';
import { DocumentList } from './document.list';
import { PartnerList } from './partner.list';
import { formatDate, roleLabel } from './labels';
import styles from './projects.module.css';

function Section<T>({
  id,
  title,
  resource,
  children,
}: {
  id: string;
  title: string;
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {resource.state === 'loading' ? <Loading /> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} onRetry={resource.reload} /> : null}
      {resource.state === 'ready' ? children(resource.data) : null}
    </section>
  );
}

function ProjectCard({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <article className="card" data-testid="project">
      <h3>{project.name}</h3>
      <dl className="facts">
        <div>
          <dt>{t('home.project.startDate')}</dt>
          <dd>
            <time dateTime={project.startDate}>{formatDate(project.startDate, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('home.project.duration')}</dt>
          <dd>{t('home.project.durationMonths', { months: project.durationMonths })}</dd>
        </div>
      </dl>
      <h4>{t('home.project.partners')}</h4>
      <PartnerList partners={project.partners} emptyText={t('home.project.noPartners')} />
    </article>
  );
}

function WorkingGroupCard({ group }: { group: WorkingGroupDto }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <li className={`card ${styles.wgCard}`} data-testid="working-group">
      <h3>
        <Link to={`/working-groups/${group.id}`}>
          <span className={styles.wgCardCode}>{group.code}</span> {pick(group.title)}
        </Link>
      </h3>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('home.workingGroups.aim')}</dt>
          <dd>{pick(group.aim)}</dd>
        </div>
        <div>
          <dt>{t('home.workingGroups.guidingPartners')}</dt>
          <dd>{group.guidingPartners.map((p) => p.shortName).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('home.workingGroups.myRole')}</dt>
          <dd>
            {group.myRole ? (
              <Badge tone="info">{roleLabel(t, group.myRole)}</Badge>
            ) : (
              <span className="muted">{t('home.workingGroups.notMember')}</span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** The project overview (the first page before the start page existed): the project, its groups and papers. */
export function ProjectPage() {
  const { t } = useTranslation();
  const projects = useProjects();

  useEffect(() => {
    document.title = `${t('home.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main" data-testid="project-page">
      <h1>{t('home.title')}</h1>
      <Section id="home-project" title={t('home.project.heading')} resource={projects}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('home.project.empty')}</p>
          ) : (
            list.map((project) => <ProjectCard key={project.id} project={project} />)
          )
        }
      </Section>
      <WorkingGroupsSection />
      <DocumentsSection />
    </main>
  );
}

function WorkingGroupsSection() {
  const { t } = useTranslation();
  const groups = useWorkingGroups();
  return (
    <Section id="home-groups" title={t('home.workingGroups.heading')} resource={groups}>
      {(list) =>
        list.length === 0 ? (
          <p className="muted">{t('home.workingGroups.empty')}</p>
        ) : (
          <ul className="card-grid">
            {list.map((group) => (
              <WorkingGroupCard key={group.id} group={group} />
            ))}
          </ul>
        )
      }
    </Section>
  );
}

function DocumentsSection() {
  const { t } = useTranslation();
  const documents = useDocuments();
  return (
    <Section id="home-documents" title={t('home.documents.heading')} resource={documents}>
      {(list) => <DocumentList documents={list} emptyText={t('home.documents.empty')} />}
    </Section>
  );
}

/** A page of one list from the overview, with its own menu entry. */
function ListPage({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [t, title]);
  return (
    <main className="page" id="main" data-testid={testId}>
      <h1 className="visually-hidden">{title}</h1>
      {children}
    </main>
  );
}

/** Every working group of the projects the reader belongs to. */
export function WorkingGroupsPage() {
  const { t } = useTranslation();
  return (
    <ListPage testId="working-groups-page" title={t('home.workingGroups.heading')}>
      <WorkingGroupsSection />
    </ListPage>
  );
}

/** Every paper the reader may open. */
export function DocumentsPage({ aside }: { aside?: ReactNode } = {}) {
  const { t } = useTranslation();
  return (
    <ListPage testId="documents-page" title={t('home.documents.heading')}>
      {aside}
      <DocumentsSection />
    </ListPage>
  );
}
