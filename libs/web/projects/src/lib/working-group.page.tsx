import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  WorkingGroupRole,
  type CoChairVacancyDto,
  type DimensionDto,
  type MembershipDto,
  type WorkingGroupDetailDto,
} from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale } from '@roundtable/web-i18n';
import { Badge, ErrorMessage, Loading } from '@roundtable/web-ui';
import { useInvalidateGroup, useMemberships, useWorkingGroup } from './projects.queries';
import { DocumentList } from './document.list';
import { PartnerList } from './partner.list';
import { regionLabel, roleLabel } from './labels';
import { MembersSection } from './members.section';
import { InvitationsSection } from './invitations.section';
import { CoChairVacancies } from './co-chair-vacancies';
import styles from './projects.module.css';

/** The detail DTO; `dimensions` arrives with the membership API and is optional until then. */
type GroupDetail = WorkingGroupDetailDto & { dimensions?: DimensionDto[] };

function Dimensions({ dimensions }: { dimensions: DimensionDto[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <section className="section" aria-labelledby="wg-dimensions">
      <h2 id="wg-dimensions">{t('workingGroup.dimensions')}</h2>
      <ol className="card-grid" data-testid="dimensions">
        {[...dimensions]
          .sort((a, b) => a.position - b.position)
          .map((dimension) => (
            <li key={dimension.position} className="card dimension">
              <h3>{pick(dimension.title)}</h3>
              <dl className="facts facts--stacked">
                <div>
                  <dt>{t('workingGroup.dimensionFocus')}</dt>
                  <dd>{pick(dimension.focus)}</dd>
                </div>
                <div>
                  <dt>{t('workingGroup.dimensionGoal')}</dt>
                  <dd>{pick(dimension.goal)}</dd>
                </div>
              </dl>
            </li>
          ))}
      </ol>
    </section>
  );
}

function CoChairs({
  members,
  vacancies,
}: {
  members: Array<Pick<MembershipDto, 'personId' | 'displayName' | 'region'>>;
  vacancies: CoChairVacancyDto[];
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="wg-cochairs">
      <h2 id="wg-cochairs">{t('workingGroup.coChairs')}</h2>
      <CoChairVacancies vacancies={vacancies} />
      {members.length === 0 ? (
        <p className="muted">{t('workingGroup.coChairsEmpty')}</p>
      ) : (
        <ul className={styles.coChairs} data-testid="co-chairs">
          {members.map((member) => (
            <li key={member.personId} className={styles.coChair}>
              <Link to={`/people/${member.personId}`} className={styles.coChairName} data-testid="co-chair-name">
                {member.displayName}
              </Link>
              <Badge tone={member.region === 'china' ? 'warning' : member.region === 'europe' ? 'info' : 'neutral'}>
                {regionLabel(t, member.region)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Renders a section that lives in another feature library (the working documents) for this group. */
export type GroupSection = (group: { id: string; projectId: string }) => ReactNode;

function WorkingGroupDetail({
  group,
  reloadGroup,
  librarySection,
}: {
  group: GroupDetail;
  reloadGroup: () => void;
  librarySection?: GroupSection;
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const user = useCurrentUser();
  const canManage = canCoordinate(user) || group.myRole === WorkingGroupRole.CoChair;
  const memberships = useMemberships(group.id);

  useEffect(() => {
    document.title = `${group.code} · ${t('app.name')}`;
  }, [group.code, t]);

  // Until the memberships API answers (or if it cannot), the detail's current members stand in.
  const current =
    memberships.state === 'ready'
      ? memberships.data.filter((m) => m.leftOn === null)
      : group.members.map((m) => ({ ...m }));
  const coChairs = current.filter((m) => m.role === WorkingGroupRole.CoChair);

  // A membership change shows on the group (its members, co-chairs) and in its membership list: both are
  // under the group's key.
  const invalidateGroup = useInvalidateGroup(group.id);
  const reloadAll = () => void invalidateGroup();

  return (
    <>
      <header className="page__header">
        <p className="eyebrow">{group.code}</p>
        <h1>{pick(group.title)}</h1>
        {group.myRole ? (
          <p>
            {t('workingGroup.myRole')}: <Badge tone="info">{roleLabel(t, group.myRole)}</Badge>
          </p>
        ) : null}
      </header>
      <section className="section" aria-labelledby="wg-aim">
        <h2 id="wg-aim">{t('workingGroup.aim')}</h2>
        <p className="prose">{pick(group.aim)}</p>
      </section>
      {group.dimensions && group.dimensions.length > 0 ? <Dimensions dimensions={group.dimensions} /> : null}
      <section className="section" aria-labelledby="wg-partners">
        <h2 id="wg-partners">{t('workingGroup.guidingPartners')}</h2>
        <PartnerList partners={group.guidingPartners} emptyText="—" />
      </section>
      <CoChairs members={coChairs} vacancies={group.vacancies ?? []} />
      <MembersSection
        groupId={group.id}
        fallback={group.members}
        memberships={memberships}
        canManage={canManage}
        canConfirmVacancy={canCoordinate(user)}
        onChanged={reloadAll}
      />
      {canManage ? <InvitationsSection groupId={group.id} /> : null}
      <section className="section" aria-labelledby="wg-documents">
        <h2 id="wg-documents">{t('workingGroup.documents')}</h2>
        <DocumentList
          documents={group.documents}
          emptyText={t('workingGroup.documentsEmpty')}
          onStatusChanged={canManage ? reloadGroup : undefined}
        />
      </section>
      {librarySection ? librarySection({ id: group.id, projectId: group.projectId }) : null}
    </>
  );
}

/** `librarySection` is given by the app (web-library builds on web-projects, so it cannot be imported here). */
export function WorkingGroupPage({ librarySection }: { librarySection?: GroupSection }) {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const group = useWorkingGroup<GroupDetail>(id);
  return (
    <main className="page" id="main">
      <p>
        <Link to="/working-groups" className="back-link">
          ← {t('workingGroup.back')}
        </Link>
      </p>
      {group.state === 'loading' ? <Loading /> : null}
      {group.state === 'error' ? <ErrorMessage error={group.error} onRetry={group.reload} /> : null}
      {group.state === 'ready' ? (
        <WorkingGroupDetail group={group.data} reloadGroup={group.reload} librarySection={librarySection} />
      ) : null}
    </main>
  );
}
