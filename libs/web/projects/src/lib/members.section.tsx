import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  WorkingGroupRole,
  type AddMemberRequest,
  type ChangeMemberRoleRequest,
  type CoChairHandover,
  type MembershipDto,
  type PersonDto,
  type WorkingGroupMemberDto,
} from '@roundtable/contracts';
import { useLocale } from '@roundtable/web-i18n';
import { Badge, FormError, formatDay, useAction, type Resource, DataTable } from '@roundtable/web-ui';
import { regionLabel, roleLabel } from './labels';
import { MemberTerm } from './member-term';
import { projectCommands, usePeopleSearch } from './projects.queries';
import styles from './projects.module.css';

const ROLES = Object.values(WorkingGroupRole);

interface Row {
  personId: string;
  displayName: string;
  role: WorkingGroupRole;
  region: MembershipDto['region'];
  joinedOn: string | null;
  leftOn: string | null;
  termEndsOn?: string | null;
  term?: MembershipDto['term'];
  key: string;
}

/** What a manager asked of a co-chair that leaves their seat: a lower role, or leaving the group. */
type SeatChange = { kind: 'role'; role: WorkingGroupRole } | { kind: 'remove' };

/**
 * The co-chair rule's handover: a co-chair who steps down or leaves names a successor from the same region,
 * or a coordinator confirms the seat stays vacant with a reason; sent with the change in one request.
 */
function CoChairHandoverForm({
  row,
  change,
  groupId,
  successors,
  canConfirmVacancy,
  onDone,
  onCancel,
}: {
  row: Row;
  change: SeatChange;
  groupId: string;
  successors: Row[];
  canConfirmVacancy: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'successor' | 'vacancy'>('successor');
  const [successor, setSuccessor] = useState('');
  const [reason, setReason] = useState('');
  const send = useAction(async () => {
    const handover: CoChairHandover =
      mode === 'successor' ? { successorPersonId: successor } : { vacancyReason: reason };
    if (change.kind === 'role') {
      await projectCommands.changeMemberRole(groupId, row.personId, {
        role: change.role,
        ...handover,
      } satisfies ChangeMemberRoleRequest);
    } else {
      await projectCommands.removeMember(groupId, row.personId, handover);
    }
    onDone();
  });
  const region = regionLabel(t, row.region);
  const ready = mode === 'successor' ? successor !== '' : reason.trim() !== '';
  return (
    <tr className="handover-row">
      <td colSpan={6}>
        <form
          className="form card"
          data-testid="cochair-handover"
          onSubmit={(event) => {
            event.preventDefault();
            void send.run();
          }}
        >
          <p>
            {change.kind === 'role'
              ? t('workingGroup.handover.introRole', { name: row.displayName, region, role: roleLabel(t, change.role) })
              : t('workingGroup.handover.introRemove', { name: row.displayName, region })}
          </p>
          {canConfirmVacancy ? (
            <fieldset className="form__field">
              <legend>{t('workingGroup.handover.how')}</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === 'successor'}
                  onChange={() => setMode('successor')}
                  data-testid="handover-mode-successor"
                />
                {t('workingGroup.handover.modeSuccessor')}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === 'vacancy'}
                  onChange={() => setMode('vacancy')}
                  data-testid="handover-mode-vacancy"
                />
                {t('workingGroup.handover.modeVacancy')}
              </label>
            </fieldset>
          ) : null}
          {mode === 'successor' ? (
            <div className="form__field">
              <label htmlFor={`${id}-successor`}>{t('workingGroup.handover.successor', { region })}</label>
              <select
                id={`${id}-successor`}
                value={successor}
                onChange={(event) => setSuccessor(event.target.value)}
                data-testid="handover-successor"
              >
                <option value="">{t('workingGroup.handover.chooseSuccessor')}</option>
                {successors.map((candidate) => (
                  <option key={candidate.personId} value={candidate.personId}>
                    {candidate.displayName}
                  </option>
                ))}
              </select>
              {successors.length === 0 ? (
                <p className="form__hint">{t('workingGroup.handover.noSuccessors', { region })}</p>
              ) : null}
            </div>
          ) : (
            <div className="form__field">
              <label htmlFor={`${id}-reason`}>{t('workingGroup.handover.reason')}</label>
              <textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={1000}
                rows={2}
                onChange={(event) => setReason(event.target.value)}
                data-testid="handover-reason"
              />
            </div>
          )}
          <FormError error={send.error} testId="handover-error" />
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={send.pending || !ready}
              data-testid="handover-confirm"
            >
              {mode === 'successor'
                ? t('workingGroup.handover.confirmSuccessor')
                : t('workingGroup.handover.confirmVacancy')}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={onCancel}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}

function MemberRow({
  row,
  groupId,
  canManage,
  canConfirmVacancy,
  successors,
  onChanged,
  onError,
}: {
  row: Row;
  groupId: string;
  canManage: boolean;
  canConfirmVacancy: boolean;
  /** Current members of the co-chair's region who could take the seat over. */
  successors: Row[];
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [seatChange, setSeatChange] = useState<SeatChange | null>(null);
  const past = row.leftOn !== null;
  const coChair = row.role === WorkingGroupRole.CoChair && !past;

  async function act(request: () => Promise<unknown>) {
    setPending(true);
    onError(null);
    try {
      await request();
      onChanged();
    } catch (error) {
      onError(error);
    } finally {
      setPending(false);
      setConfirming(false);
    }
  }

  const changeRole = (role: WorkingGroupRole) => {
    // A co-chair leaving the seat needs a successor or a vacancy: ask for it before sending anything.
    if (coChair && role !== WorkingGroupRole.CoChair) return setSeatChange({ kind: 'role', role });
    return act(() =>
      projectCommands.changeMemberRole(groupId, row.personId, { role } satisfies ChangeMemberRoleRequest),
    );
  };
  const remove = () => act(() => projectCommands.removeMember(groupId, row.personId));

  return (
    <>
      <tr
        data-testid="member-row"
        data-person-id={row.personId}
        data-role={row.role}
        data-past={past ? 'true' : 'false'}
        className={`${past ? 'row--past' : ''} ${coChair ? styles.coChairRow : ''}`.trim() || undefined}
      >
        <th scope="row">
          <Link to={`/people/${row.personId}`}>{row.displayName}</Link>
        </th>
        <td>
          {canManage && !past ? (
            <select
              name="role"
              aria-label={t('workingGroup.manage.roleFor', { name: row.displayName })}
              value={seatChange?.kind === 'role' ? seatChange.role : row.role}
              disabled={pending}
              onChange={(event) => void changeRole(event.target.value as WorkingGroupRole)}
              data-testid="member-role-select"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(t, role)}
                </option>
              ))}
            </select>
          ) : (
            <Badge tone={row.role === WorkingGroupRole.CoChair ? 'info' : 'neutral'}>{roleLabel(t, row.role)}</Badge>
          )}
        </td>
        <td>{regionLabel(t, row.region)}</td>
        <td>{row.joinedOn ? formatDay(row.joinedOn, locale) : '—'}</td>
        <td>
          {past ? formatDay(row.leftOn, locale) : <span className="muted">{t('workingGroup.current')}</span>}
          {past ? null : (
            <MemberTerm
              groupId={groupId}
              personId={row.personId}
              displayName={row.displayName}
              role={row.role}
              termEndsOn={row.termEndsOn ?? null}
              term={row.term ?? null}
              canSet={canConfirmVacancy && canManage}
            />
          )}
        </td>
        {canManage ? (
          <td className="table__actions">
            {past ? null : confirming ? (
              <span
                className="confirm"
                role="group"
                aria-label={t('workingGroup.manage.confirmRemove', { name: row.displayName })}
              >
                <span>{t('workingGroup.manage.confirmRemove', { name: row.displayName })}</span>
                <button
                  type="button"
                  className="button button--danger button--small"
                  disabled={pending}
                  onClick={() => void remove()}
                  data-testid="member-remove-confirm"
                >
                  {t('workingGroup.manage.removeConfirm')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setConfirming(false)}
                >
                  {t('app.cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={pending}
                onClick={() => (coChair ? setSeatChange({ kind: 'remove' }) : setConfirming(true))}
                data-testid="member-remove"
              >
                {t('workingGroup.manage.remove')}
              </button>
            )}
          </td>
        ) : null}
      </tr>
      {seatChange ? (
        <CoChairHandoverForm
          row={row}
          change={seatChange}
          groupId={groupId}
          successors={successors}
          canConfirmVacancy={canConfirmVacancy}
          onCancel={() => setSeatChange(null)}
          onDone={() => {
            setSeatChange(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function AddMember({
  groupId,
  memberIds,
  onChanged,
}: {
  groupId: string;
  memberIds: Set<string>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<WorkingGroupRole>(WorkingGroupRole.Expert);
  const [added, setAdded] = useState<string | null>(null);
  const trimmed = query.trim();
  const results = usePeopleSearch(trimmed);
  const add = useAction(async (person: PersonDto) => {
    await projectCommands.addMember(groupId, { personId: person.id, role } satisfies AddMemberRequest);
    setAdded(person.displayName);
    onChanged();
  });

  const candidates = results.state === 'ready' ? results.data.filter((p) => !memberIds.has(p.id)) : [];

  return (
    <div className={`card ${styles.manageCard}`} data-testid="add-member-form">
      <h3>{t('workingGroup.manage.addHeading')}</h3>
      <div className="form form--inline" role="search">
        <div className="form__field">
          <label htmlFor={`${id}-q`}>{t('workingGroup.manage.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={query}
            autoComplete="off"
            placeholder={t('workingGroup.manage.searchPlaceholder')}
            onChange={(event) => {
              setQuery(event.target.value);
              setAdded(null);
            }}
          />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-role`}>{t('workingGroup.manage.role')}</label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as WorkingGroupRole)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={add.error} />
      {added ? (
        <p className="alert alert--success" role="status">
          {t('workingGroup.manage.added', { name: added })}
        </p>
      ) : null}
      {trimmed.length >= 2 ? (
        results.state === 'loading' ? (
          <p className="muted">{t('app.loading')}</p>
        ) : results.state === 'error' ? (
          <FormError error={results.error} />
        ) : candidates.length === 0 ? (
          <p className="muted">{t('workingGroup.manage.noCandidates')}</p>
        ) : (
          <ul className={styles.pickList} aria-live="polite">
            {candidates.slice(0, 10).map((person) => (
              <li key={person.id} data-testid="candidate">
                <span>
                  <strong>{person.displayName}</strong>{' '}
                  <span className="muted">
                    {[person.partner?.shortName ?? person.affiliation, regionLabel(t, person.region)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={add.pending}
                  onClick={() => void add.run(person)}
                  data-testid="add-member"
                >
                  {t('workingGroup.manage.addAs', { role: roleLabel(t, role) })}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : (
        <p className="muted">{t('workingGroup.manage.searchHint')}</p>
      )}
    </div>
  );
}

export function MembersSection({
  groupId,
  fallback,
  memberships,
  canManage,
  canConfirmVacancy,
  onChanged,
}: {
  groupId: string;
  fallback: WorkingGroupMemberDto[];
  memberships: Resource<MembershipDto[]>;
  canManage: boolean;
  /** Coordinators may leave a co-chair seat vacant (with a reason) instead of naming a successor. */
  canConfirmVacancy: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const toggleId = useId();
  const [showPast, setShowPast] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rows: Row[] =
    memberships.state === 'ready'
      ? memberships.data.map((m) => ({ ...m, key: m.id }))
      : fallback.map((m) => ({ ...m, joinedOn: null, leftOn: null, key: m.personId }));
  const visible = rows
    .filter((row) => showPast || row.leftOn === null)
    .sort(
      (a, b) =>
        Number(a.leftOn !== null) - Number(b.leftOn !== null) ||
        ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
        a.displayName.localeCompare(b.displayName),
    );
  const pastCount = rows.filter((row) => row.leftOn !== null).length;
  const currentIds = new Set(rows.filter((row) => row.leftOn === null).map((row) => row.personId));

  return (
    <section className="section" aria-labelledby="wg-members">
      <div className="section__header">
        <h2 id="wg-members">{t('workingGroup.members')}</h2>
        <label className="checkbox" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            name="showPast"
            checked={showPast}
            onChange={(event) => setShowPast(event.target.checked)}
            data-testid="show-past-members"
          />
          {t('workingGroup.showPast', { count: pastCount })}
        </label>
      </div>
      <FormError error={error} testId="member-error" />
      {visible.length === 0 ? (
        <p className="muted">{t('workingGroup.membersEmpty')}</p>
      ) : (
        <DataTable
          testId="members"
          headers={[
            t('workingGroup.memberName'),
            t('workingGroup.memberRole'),
            t('workingGroup.memberRegion'),
            t('workingGroup.joined'),
            t('workingGroup.left'),
            canManage ? t('workingGroup.manage.actions') : null,
          ]}
        >
          {visible.map((row) => (
            <MemberRow
              key={row.key}
              row={row}
              groupId={groupId}
              canManage={canManage && memberships.state === 'ready'}
              canConfirmVacancy={canConfirmVacancy}
              successors={rows.filter(
                (other) =>
                  other.leftOn === null && other.role !== WorkingGroupRole.CoChair && other.region === row.region,
              )}
              onChanged={onChanged}
              onError={setError}
            />
          ))}
        </DataTable>
      )}
      {canManage ? <AddMember groupId={groupId} memberIds={currentIds} onChanged={onChanged} /> : null}
    </section>
  );
}
