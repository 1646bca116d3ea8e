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
import { EditableList } from './editable-list';
import { WorkingGroupForm } from './working-group.form';
import styles from './structure.module.css';

function GroupEditor({
  projectId,
  id,
  partners,
  onSaved,
  onCancel,
}: {
  projectId: string;
  id: string;
  partners: PartnerDetailDto[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const group = useWorkingGroup(id);
  if (group.state === 'loading') return <Loading />;
  if (group.state === 'error') return <ErrorMessage error={group.error} onRetry={group.reload} />;
  return (
    <WorkingGroupForm
      projectId={projectId}
      group={group.data}
      partners={partners}
      onSaved={onSaved}
      onCancel={onCancel}
    />
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
  return (
    <EditableList
      section="groups"
      title={t('structure.groups')}
      newLabel={t('structure.newGroup')}
      savedLabel={t('structure.groupSaved')}
      items={groups}
      itemAttributes={(group) => ({ testId: 'structure-group', name: group.code, data: { 'data-code': group.code } })}
      summary={(group) => (
        <>
          <Link to={`/working-groups/${group.id}`} className={styles.rowTitle}>
            {group.code}
          </Link>{' '}
          {pick(group.title)}
          <span className="muted"> · {group.guidingPartners.map((p) => p.shortName).join(', ')}</span>
        </>
      )}
      editor={(group, onSaved, onCancel) =>
        group ? (
          <GroupEditor projectId={projectId} id={group.id} partners={partners} onSaved={onSaved} onCancel={onCancel} />
        ) : (
          <WorkingGroupForm
            projectId={projectId}
            group={null}
            partners={partners}
            onSaved={onSaved}
            onCancel={onCancel}
          />
        )
      }
    />
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
  return (
    <EditableList
      section="partners"
      title={t('structure.partners')}
      newLabel={t('structure.newPartner')}
      savedLabel={t('structure.partnerSaved')}
      items={partners}
      itemAttributes={(partner) => ({
        testId: 'structure-partner',
        name: partner.shortName,
        data: { 'data-name': partner.shortName },
      })}
      summary={(partner) => (
        <>
          <span className={styles.rowTitle}>{partner.shortName}</span> {partner.fullName}
          <span className="muted">
            {' '}
            · {countryName(partner.country, locale)} · {t('structure.peopleCount', { count: partner.people.length })}
          </span>
        </>
      )}
      editor={(partner, onSaved, onCancel) => (
        <PartnerForm projectId={projectId} partner={partner} people={people} onSaved={onSaved} onCancel={onCancel} />
      )}
    />
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
