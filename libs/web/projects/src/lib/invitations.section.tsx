import { useId, useState, type FormEvent } from 'react';
import { WorkingGroupRole, type CreateInvitationRequest, type InvitationDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  Badge,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  fieldError,
  formatDateTime,
  useApiMutation,
  type BadgeTone,
  DataTable,
  SubmitButton,
} from '@roundtable/web-ui';
import { roleLabel } from './labels';
import { groupKeys, projectCommands, useInvitations } from './projects.queries';
import { invitationsMessages } from './invitations.messages';
import styles from './projects.module.css';

const STATUS_TONE: Record<InvitationDto['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  expired: 'warning',
  revoked: 'neutral',
};

function InviteForm({ groupId }: { groupId: string }) {
  const { t } = useMessages(invitationsMessages);
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<WorkingGroupRole>(WorkingGroupRole.Expert);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useApiMutation(async () => {
    const body: CreateInvitationRequest = { email: email.trim(), role };
    if (displayName.trim()) body.displayName = displayName.trim();
    const created = await projectCommands.invite(groupId, body);
    setSentTo(created.email);
    setEmail('');
    setDisplayName('');
  }, [groupKeys.invitations(groupId)]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    void invite.run();
  }

  return (
    <form
      className={`card form ${styles.manageCard}`}
      onSubmit={onSubmit}
      noValidate
      data-testid="invite-form"
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`}>{t('invitations.formHeading')}</h3>
      <p className="muted">{t('invitations.formIntro')}</p>
      <FormError error={invite.error} testId="invite-error" />
      {sentTo ? (
        <p className="alert alert--success" role="status" data-testid="invite-sent">
          {t('invitations.sent', { email: sentTo })}
        </p>
      ) : null}
      <div className="form__row">
        <Field label={t('invitations.email')} error={fieldError(invite.error, 'email')}>
          {(props) => (
            <input
              {...props}
              name="email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('invitations.displayName')}
          error={fieldError(invite.error, 'displayName')}
          hint={t('form.optional')}
        >
          {(props) => (
            <input
              {...props}
              name="displayName"
              autoComplete="off"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('invitations.role')} error={fieldError(invite.error, 'role')}>
          {(props) => (
            <select
              {...props}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value as WorkingGroupRole)}
            >
              {Object.values(WorkingGroupRole).map((r) => (
                <option key={r} value={r}>
                  {roleLabel(t, r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pending={invite.pending} label={t('invitations.send')} pendingLabel={t('invitations.sending')} />
    </form>
  );
}

function InvitationRow({ invitation, groupId }: { invitation: InvitationDto; groupId: string }) {
  const { t } = useMessages(invitationsMessages);
  const { locale } = useLocale();
  const revoke = useApiMutation(async () => {
    await projectCommands.revokeInvitation(invitation.id);
  }, [groupKeys.invitations(groupId)]);
  return (
    <tr data-testid="invitation-row" data-status={invitation.status} data-email={invitation.email}>
      <th scope="row">
        {invitation.email}
        {invitation.displayName ? <span className="muted"> · {invitation.displayName}</span> : null}
      </th>
      <td>{roleLabel(t, invitation.role)}</td>
      <td>
        <Badge tone={STATUS_TONE[invitation.status]}>{t(`invitations.status.${invitation.status}`)}</Badge>
      </td>
      <td>{formatDateTime(invitation.expiresAt, locale)}</td>
      <td className="table__actions">
        {invitation.status === 'pending' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void revoke.run()}
            disabled={revoke.pending}
            data-testid="revoke-invitation"
          >
            {t('invitations.revoke')}
          </button>
        ) : null}
        {revoke.error ? <FormError error={revoke.error} /> : null}
      </td>
    </tr>
  );
}

/** Invite by email and the list of invitations (managers only). */
export function InvitationsSection({ groupId }: { groupId: string }) {
  const { t } = useMessages(invitationsMessages);
  const [showAll, setShowAll] = useState(false);
  const invitations = useInvitations(groupId);
  const list = invitations.state === 'ready' ? invitations.data : [];
  const visible = list.filter((i) => showAll || i.status === 'pending');

  return (
    <section className="section" aria-labelledby="wg-invitations">
      <div className="section__header">
        <h2 id="wg-invitations">{t('invitations.heading')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
          {t('invitations.showAll')}
        </label>
      </div>
      <InviteForm groupId={groupId} />
      <h3>{t('invitations.listHeading')}</h3>
      {invitations.state === 'loading' ? <Loading /> : null}
      {invitations.state === 'error' ? <ErrorMessage error={invitations.error} onRetry={invitations.reload} /> : null}
      {invitations.state === 'ready' && visible.length === 0 ? <p className="muted">{t('invitations.empty')}</p> : null}
      {visible.length > 0 ? (
        <DataTable
          testId="invitations"
          headers={[
            t('invitations.email'),
            t('invitations.role'),
            t('invitations.statusLabel'),
            t('invitations.expires'),
            t('workingGroup.manage.actions'),
          ]}
        >
          {visible.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} groupId={groupId} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
