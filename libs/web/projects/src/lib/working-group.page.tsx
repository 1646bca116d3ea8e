import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { WorkingGroupDetailDto } from '@roundtable/contracts';
import { useLocale } from '@roundtable/web-i18n';
import { Badge, ErrorMessage, Loading, useApiResource } from '@roundtable/web-ui';
import { DocumentList } from './document.list';
import { PartnerList } from './partner.list';
import { regionLabel, roleLabel } from './labels';

function WorkingGroupDetail({ group }: { group: WorkingGroupDetailDto }) {
  const { t } = useTranslation();
  const { pick } = useLocale();

  useEffect(() => {
    document.title = `${group.code} · ${t('app.name')}`;
  }, [group.code, t]);

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
      <section className="section" aria-labelledby="wg-partners">
        <h2 id="wg-partners">{t('workingGroup.guidingPartners')}</h2>
        <PartnerList partners={group.guidingPartners} emptyText="—" />
      </section>
      <section className="section" aria-labelledby="wg-members">
        <h2 id="wg-members">{t('workingGroup.members')}</h2>
        {group.members.length === 0 ? (
          <p className="muted">{t('workingGroup.membersEmpty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="members">
              <thead>
                <tr>
                  <th scope="col">{t('workingGroup.memberName')}</th>
                  <th scope="col">{t('workingGroup.memberRole')}</th>
                  <th scope="col">{t('workingGroup.memberRegion')}</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((member) => (
                  <tr key={member.personId}>
                    <th scope="row">{member.displayName}</th>
                    <td>{roleLabel(t, member.role)}</td>
                    <td>{regionLabel(t, member.region)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="wg-documents">
        <h2 id="wg-documents">{t('workingGroup.documents')}</h2>
        <DocumentList documents={group.documents} emptyText={t('workingGroup.documentsEmpty')} />
      </section>
    </>
  );
}

export function WorkingGroupPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const group = useApiResource<WorkingGroupDetailDto>(id ? `/api/working-groups/${encodeURIComponent(id)}` : null);
  return (
    <main className="page" id="main">
      <p>
        <Link to="/" className="back-link">
          ← {t('workingGroup.back')}
        </Link>
      </p>
      {group.state === 'loading' ? <Loading /> : null}
      {group.state === 'error' ? <ErrorMessage error={group.error} onRetry={group.reload} /> : null}
      {group.state === 'ready' ? <WorkingGroupDetail group={group.data} /> : null}
    </main>
  );
}
