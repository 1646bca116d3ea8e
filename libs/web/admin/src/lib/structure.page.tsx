import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PartnerDetailDto, PersonDto, WorkingGroupDto } from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  ProjectPicker,
  usePeople,
  useSelectedProject,
  useWorkingGroup,
  useWorkingGroups,
} from '@roundtable/web-projects';
import { ErrorMessage, FormError, Loading, countryName, useApiMutation } from '@roundtable/web-ui';
import { PartnerForm } from './partner.form';
import { structureMessages } from './structure.messages';
import { STRUCTURE_STALE, structureCommands, usePartners, useProjectRoles } from './structure.queries';
import { WorkingGroupForm } from './working-group.form';
import styles from './structure.module.css';

/** Which editor is open: a new item, an existing one by id, or none. */
type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

function GroupEditor({
  projectId,
  id,
  partners,
  onDone,
}: {
  projectId: string;
  id: string;
  partners: PartnerDetailDto[];
  onDone: () => void;
}) {
  const group = useWorkingGroup(id);
  if (group.state === 'loading') return <Loading />;
  if (group.state === 'error') return <ErrorMessage error={group.error} onRetry={group.reload} />;
  return (
    <WorkingGroupForm projectId={projectId} group={group.data} partners={partners} onSaved={onDone} onCancel={onDone} />
  );
}

function WorkingGroupsSection({
  projectId,
  groups,
  partners,
}: {
  projectId: string;
  groups: WorkingGroupDto[];
  partners: PartnerDetailDto[];
}) {
  const { t } = useMessages(structureMessages);
  const { pick } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(null);
    setSaved(true);
  };
  return (
    <section className="section" aria-labelledby="structure-groups" data-testid="structure-groups">
      <div className="page__header page__header--split">
        <h2 id="structure-groups">{t('structure.groups')}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setSaved(false);
            setEditing({ kind: 'new' });
          }}
          data-testid="group-new"
        >
          {t('structure.newGroup')}
        </button>
      </div>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('structure.groupSaved')}
        </p>
      ) : null}
      {editing?.kind === 'new' ? (
        <WorkingGroupForm
          projectId={projectId}
          group={null}
          partners={partners}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ul className={styles.list}>
        {groups.map((group) => (
          <li key={group.id} data-testid="structure-group" data-code={group.code}>
            <div className={styles.row}>
              <span>
                <Link to={`/working-groups/${group.id}`} className={styles.rowTitle}>
                  {group.code}
                </Link>{' '}
                {pick(group.title)}
                <span className="muted"> · {group.guidingPartners.map((p) => p.shortName).join(', ')}</span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing({ kind: 'edit', id: group.id });
                }}
                data-testid={`group-edit-${group.code}`}
              >
                {t('structure.edit')}
              </button>
            </div>
            {editing?.kind === 'edit' && editing.id === group.id ? (
              <GroupEditor projectId={projectId} id={group.id} partners={partners} onDone={done} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PartnersSection({
  projectId,
  partners,
  people,
}: {
  projectId: string;
  partners: PartnerDetailDto[];
  people: PersonDto[];
}) {
  const { t } = useMessages(structureMessages);
  const { locale } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(null);
    setSaved(true);
  };
  return (
    <section className="section" aria-labelledby="structure-partners" data-testid="structure-partners">
      <div className="page__header page__header--split">
        <h2 id="structure-partners">{t('structure.partners')}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setSaved(false);
            setEditing({ kind: 'new' });
          }}
          data-testid="partner-new"
        >
          {t('structure.newPartner')}
        </button>
      </div>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('structure.partnerSaved')}
        </p>
      ) : null}
      {editing?.kind === 'new' ? (
        <PartnerForm
          projectId={projectId}
          partner={null}
          people={people}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ul className={styles.list}>
        {partners.map((partner) => (
          <li key={partner.id} data-testid="structure-partner" data-name={partner.shortName}>
            <div className={styles.row}>
              <span>
                <span className={styles.rowTitle}>{partner.shortName}</span> {partner.fullName}
                <span className="muted">
                  {' '}
                  · {countryName(partner.country, locale)} ·{' '}
                  {t('structure.peopleCount', { count: partner.people.length })}
                </span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing({ kind: 'edit', id: partner.id });
                }}
                data-testid={`partner-edit-${partner.shortName}`}
              >
                {t('structure.edit')}
              </button>
            </div>
            {editing?.kind === 'edit' && editing.id === partner.id ? (
              <PartnerForm
                projectId={projectId}
                partner={partner}
                people={people}
                onSaved={done}
                onCancel={() => setEditing(null)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AdvisoryBoardSection({ projectId, people }: { projectId: string; people: PersonDto[] }) {
  const { t } = useMessages(structureMessages);
  const roles = useProjectRoles(projectId);
  const [personId, setPersonId] = useState('');
  const grant = useApiMutation((id: string) => structureCommands.grantAdvisor(projectId, id), STRUCTURE_STALE);
  const revoke = useApiMutation((id: string) => structureCommands.revokeAdvisor(projectId, id), STRUCTURE_STALE);
  const advisors = roles.state === 'ready' ? roles.data.filter((r) => r.role === 'advisory-board') : [];
  const candidates = people.filter((p) => !advisors.some((a) => a.personId === p.id));
  return (
    <section className="section" aria-labelledby="structure-advisory" data-testid="structure-advisory">
      <h2 id="structure-advisory">{t('structure.advisoryBoard')}</h2>
      <p className="muted">{t('structure.advisoryIntro')}</p>
      <FormError error={grant.error ?? revoke.error} />
      {roles.state === 'loading' ? <Loading /> : null}
      {roles.state === 'error' ? <ErrorMessage error={roles.error} onRetry={roles.reload} /> : null}
      {roles.state === 'ready' && advisors.length === 0 ? <p className="muted">{t('structure.noAdvisors')}</p> : null}
      <ul className={styles.list}>
        {advisors.map((advisor) => (
          <li key={advisor.personId} className={styles.row} data-testid="advisor">
            <span>{advisor.displayName}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={revoke.pending}
              onClick={() => {
                if (window.confirm(t('structure.confirmRemoveAdvisor', { name: advisor.displayName })))
                  void revoke.run(advisor.personId);
              }}
            >
              {t('structure.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="form__row"
        onSubmit={(event) => {
          event.preventDefault();
          if (personId) void grant.run(personId).then(() => setPersonId(''));
        }}
      >
        <label className="visually-hidden" htmlFor="advisor-person">
          {t('structure.addAdvisor')}
        </label>
        <select
          id="advisor-person"
          value={personId}
          onChange={(event) => setPersonId(event.target.value)}
          data-testid="advisor-person"
        >
          <option value="">{t('structure.choosePerson')}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary" disabled={!personId || grant.pending}>
          {t('structure.addAdvisor')}
        </button>
      </form>
    </section>
  );
}

/** /structure: coordinators create and edit working groups, partners and the advisory board (ADR 035). */
export function StructurePage() {
  const { t } = useMessages(structureMessages);
  const user = useCurrentUser();
  const coordinator = canCoordinate(user);
  const { projects, project, select } = useSelectedProject();
  const projectId = project?.id ?? null;
  const groups = useWorkingGroups(coordinator);
  const partners = usePartners(coordinator ? projectId : null);
  const people = usePeople({}, coordinator);

  useEffect(() => {
    document.title = `${t('structure.title')} · ${t('app.name')}`;
  }, [t]);

  const resources = [projects, groups, partners, people] as const;
  const failed = resources.find((r) => r.state === 'error');
  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('structure.title')}</h1>
          <p className="muted">{t('structure.intro')}</p>
        </div>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      {!coordinator ? (
        <p className="alert alert--info" role="status">
          {t('structure.coordinatorsOnly')}
        </p>
      ) : failed?.state === 'error' ? (
        <ErrorMessage error={failed.error} onRetry={failed.reload} />
      ) : projectId && groups.state === 'ready' && partners.state === 'ready' && people.state === 'ready' ? (
        <>
          <WorkingGroupsSection
            projectId={projectId}
            groups={groups.data.filter((g) => g.projectId === projectId)}
            partners={partners.data}
          />
          <PartnersSection projectId={projectId} partners={partners.data} people={people.data} />
          <AdvisoryBoardSection projectId={projectId} people={people.data} />
        </>
      ) : projects.state === 'ready' && !project ? (
        <p className="muted">{t('home.project.empty')}</p>
      ) : (
        <Loading />
      )}
    </main>
  );
}
