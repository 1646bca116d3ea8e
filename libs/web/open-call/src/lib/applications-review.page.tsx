import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  WorkingGroupRole,
  type ApplicationDto,
  type DecideApplicationRequest,
  type ReviewApplicationRequest,
} from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { countryWithRegion, roleLabel, sectorLabel } from '@roundtable/web-projects';
import {
  Badge,
  ErrorMessage,
  FormError,
  Loading,
  countryName,
  formatDateTime,
  useAction,
  type BadgeTone,
} from '@roundtable/web-ui';
import { openCallCommands, useApplications, useCall } from './open-call.queries';
import { applicationsMessages } from './open-call.messages';
import styles from './open-call.module.css';
import { ConflictOfInterestSection, declaredByMe } from './conflict-of-interest.section';

const STATUS_TONE: Record<ApplicationDto['status'], BadgeTone> = {
  submitted: 'info',
  accepted: 'success',
  declined: 'neutral',
};
const SCORES = [1, 2, 3, 4, 5];
type StatusFilter = 'submitted' | 'all';

function ReviewForm({ application, onSaved }: { application: ApplicationDto; onSaved: () => void }) {
  const { t } = useMessages(applicationsMessages);
  const id = useId();
  const mine = application.reviews.find((r) => r.mine);
  const [score, setScore] = useState(mine ? String(mine.score) : '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const body: ReviewApplicationRequest = { score: Number(score), comment: comment.trim() };
    await openCallCommands.review(application.id, body);
    setSaved(true);
    onSaved();
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    void save.run();
  }
  return (
    <form className={styles.reviewForm} onSubmit={onSubmit} noValidate data-testid="review-form">
      <h4>{mine ? t('applications.review.update') : t('applications.review.heading')}</h4>
      <FormError error={save.error} />
      <div className="form__row">
        <div className="form__field form__field--narrow">
          <label htmlFor={`${id}-score`}>{t('applications.review.score')}</label>
          <select id={`${id}-score`} name="score" value={score} onChange={(e) => setScore(e.target.value)} required>
            <option value="">{t('form.choose')}</option>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {t('applications.review.scoreOption', { score: s })}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field form__field--grow">
          <label htmlFor={`${id}-comment`}>{t('applications.review.comment')}</label>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button--secondary"
          disabled={save.pending || !score}
          data-testid="review-submit"
        >
          {save.pending ? t('form.saving') : t('applications.review.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('applications.review.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function Decision({ application, onDecided }: { application: ApplicationDto; onDecided: () => void }) {
  const { t } = useMessages(applicationsMessages);
  const id = useId();
  const [groupId, setGroupId] = useState(application.preferredWorkingGroups[0]?.id ?? '');
  const [role, setRole] = useState<WorkingGroupRole>(WorkingGroupRole.Expert);
  const decide = useAction(async (body: DecideApplicationRequest) => {
    await openCallCommands.decide(application.id, body);
    onDecided();
  });
  return (
    <div className={styles.decision} data-testid="decision">
      <h4>{t('applications.decision.heading')}</h4>
      <FormError error={decide.error} testId="decision-error" />
      <div className="form__row">
        <div className="form__field">
          <label htmlFor={`${id}-wg`}>{t('applications.decision.workingGroup')}</label>
          <select id={`${id}-wg`} name="workingGroupId" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {application.preferredWorkingGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-role`}>{t('applications.decision.role')}</label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as WorkingGroupRole)}
          >
            {Object.values(WorkingGroupRole).map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={decide.pending || !groupId}
          onClick={() => void decide.run({ decision: 'accept', workingGroupId: groupId, role })}
          data-testid="accept-button"
        >
          {t('applications.decision.accept')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={decide.pending}
          onClick={() => void decide.run({ decision: 'decline' })}
          data-testid="decline-button"
        >
          {t('applications.decision.decline')}
        </button>
      </div>
    </div>
  );
}

function ApplicationCard({ application, onChanged }: { application: ApplicationDto; onChanged: () => void }) {
  const { t } = useMessages(applicationsMessages);
  const { locale } = useLocale();
  return (
    <li
      className="card"
      data-testid="application-row"
      data-application-id={application.id}
      data-status={application.status}
    >
      <div className={styles.cardHead}>
        <h3>{application.name}</h3>
        <span className="tag-list">
          <Badge tone={STATUS_TONE[application.status]}>{t(`applications.status.${application.status}`)}</Badge>
          <span className={styles.score} data-testid="average-score">
            {application.averageScore === null
              ? t('applications.noScore')
              : t('applications.average', {
                  score: application.averageScore.toFixed(1),
                  count: application.reviews.length,
                })}
          </span>
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('applications.email')}</dt>
          <dd>
            <a href={`mailto:${application.email}`}>{application.email}</a>
          </dd>
        </div>
        <div>
          <dt>{t('applications.country')}</dt>
          <dd>{countryWithRegion(t, countryName(application.country, locale), application.region)}</dd>
        </div>
        <div>
          <dt>{t('applications.affiliation')}</dt>
          <dd>{application.affiliation}</dd>
        </div>
        <div>
          <dt>{t('applications.sector')}</dt>
          <dd>{sectorLabel(t, application.sector)}</dd>
        </div>
        <div>
          <dt>{t('applications.preferred')}</dt>
          <dd className="tag-list">
            {application.preferredWorkingGroups.map((g) => (
              <span key={g.id} className="tag">
                {g.code}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('applications.submitted')}</dt>
          <dd>{formatDateTime(application.updatedAt ?? application.submittedAt, locale)}</dd>
        </div>
      </dl>
      {application.expertise.length > 0 ? (
        <p className="tag-list">
          {application.expertise.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <h4>{t('applications.motivation')}</h4>
      <p className="prose prewrap">{application.motivation}</p>
      <h4>{t('applications.conflictOfInterest')}</h4>
      <p className="prose prewrap">{application.conflictOfInterest.trim() || t('applications.noConflict')}</p>
      {application.reviews.length > 0 ? (
        <>
          <h4>{t('applications.reviews')}</h4>
          <ul className={styles.reviewList}>
            {application.reviews.map((review, index) => (
              <li key={`${review.reviewerName}-${index}`}>
                <strong>{review.reviewerName}</strong> · {t('applications.review.scoreOption', { score: review.score })}
                {review.comment ? <span className="muted"> — {review.comment}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConflictOfInterestSection application={application} />
      {application.status === 'submitted' && !declaredByMe(application) ? (
        <div className={styles.actions}>
          <ReviewForm application={application} onSaved={onChanged} />
          <Decision application={application} onDecided={onChanged} />
        </div>
      ) : null}
    </li>
  );
}

export function ApplicationsReviewPage() {
  const { t } = useMessages(applicationsMessages);
  const { pick } = useLocale();
  const { id = '' } = useParams<{ id: string }>();
  const [filter, setFilter] = useState<StatusFilter>('submitted');
  const call = useCall(id);
  const applications = useApplications(id);
  const title = call.state === 'ready' ? pick(call.data.title) : t('applications.title');

  useEffect(() => {
    document.title = `${t('applications.title')} · ${t('app.name')}`;
  }, [t]);

  const list = applications.state === 'ready' ? applications.data : [];
  const visible = list
    .filter((a) => filter === 'all' || a.status === 'submitted')
    .sort(
      (a, b) =>
        Number(a.status !== 'submitted') - Number(b.status !== 'submitted') ||
        (b.averageScore ?? -1) - (a.averageScore ?? -1) ||
        a.submittedAt.localeCompare(b.submittedAt),
    );

  return (
    <main className="page" id="main">
      <p>
        <Link to="/calls" className="back-link">
          ← {t('applications.back')}
        </Link>
      </p>
      <header className="page__header page__header--split">
        <div>
          <p className="eyebrow">{t('applications.title')}</p>
          <h1>{title}</h1>
        </div>
        <div className="segmented" role="group" aria-label={t('applications.filter')}>
          {(['submitted', 'all'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={`button ${filter === value ? 'button--primary' : 'button--secondary'}`}
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
            >
              {t(`applications.show.${value}`, {
                count: value === 'all' ? list.length : list.filter((a) => a.status === 'submitted').length,
              })}
            </button>
          ))}
        </div>
      </header>
      {applications.state === 'loading' ? <Loading /> : null}
      {applications.state === 'error' ? (
        <ErrorMessage error={applications.error} onRetry={applications.reload} />
      ) : null}
      {applications.state === 'ready' ? (
        visible.length === 0 ? (
          <p className="muted">{filter === 'submitted' ? t('applications.queueEmpty') : t('applications.empty')}</p>
        ) : (
          <ul className={styles.stack} data-testid="applications">
            {visible.map((application) => (
              <ApplicationCard key={application.id} application={application} onChanged={applications.reload} />
            ))}
          </ul>
        )
      ) : null}
    </main>
  );
}
