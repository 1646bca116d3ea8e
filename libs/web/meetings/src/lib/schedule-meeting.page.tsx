import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  PROJECT_EVENT_TYPES,
  WorkingGroupRole,
  type CreateMeetingRequest,
  type FindTimeResponse,
  type MeetingType,
} from '@roundtable/contracts';
import {
  addDays,
  dstShifts,
  expandSeries,
  isTimeZone,
  parseLocal,
  parseRRule,
  resolveLocal,
  toLocal,
} from '@roundtable/domain';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale } from '@roundtable/web-i18n';
import { useDocuments, usePeople, useWorkingGroups } from '@roundtable/web-projects';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { meetingCommands, meetingKeys } from './meetings.queries';
import { dstShiftText, meetingTypeLabel, viewerZone } from './meeting-labels';
import { InviteeChecklist } from './invitee-checklist';
import { isLastWeekOfMonth, ruleFor, type Repeat } from './repeat-rule';
import { ZonedTimes } from './zoned-times';
import { ReminderOffsetField } from './reminder-offset.field';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Rome', 'Asia/Shanghai', 'UTC'];
  }
})();

interface AgendaRow {
  title: string;
  minutes: string;
  documentId: string;
}

/** Schedule a WG meeting or a project event, with a find-a-time helper and a DST warning for series. */
export function ScheduleMeetingPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const groups = useWorkingGroups();
  const projectId = params.get('projectId') ?? (groups.state === 'ready' ? (groups.data[0]?.projectId ?? null) : null);
  const schedulable = (groups.state === 'ready' ? groups.data : []).filter(
    (g) => g.projectId === projectId && (canCoordinate(user) || g.myRole === WorkingGroupRole.CoChair),
  );

  const [groupId, setGroupId] = useState<string | null>(null);
  const group = groupId ?? schedulable[0]?.id ?? '';
  const [type, setType] = useState<MeetingType>('kick-off');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(addDays(new Date().toISOString().slice(0, 10), 7));
  const [time, setTime] = useState('10:00');
  const [zone, setZone] = useState(isTimeZone(viewerZone()) ? viewerZone() : 'Europe/Rome');
  const [duration, setDuration] = useState('90');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [reminder, setReminder] = useState(1440);
  const [place, setPlace] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [interval, setRepeatInterval] = useState('1');
  const [count, setCount] = useState('10');
  const [lastOfMonth, setLastOfMonth] = useState(false);
  const [agenda, setAgenda] = useState<AgendaRow[]>([{ title: '', minutes: '', documentId: '' }]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());

  const documents = useDocuments();
  const projectDocuments = documents.state === 'ready' ? documents.data.filter((d) => d.projectId === projectId) : [];
  const people = usePeople({ workingGroupId: group || undefined }, projectId !== null);
  const candidates = people.state === 'ready' ? people.data : [];
  const invitees = candidates.filter((p) => !excluded.has(p.id));
  const inviteeZones = [...new Set(invitees.map((p) => p.timeZone))];

  useEffect(() => {
    document.title = `${t('meetings.scheduleTitle')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => setExcluded(new Set()), [group]);

  const rrule = ruleFor(repeat, date, Number(interval) || 1, Number(count) || 1, lastOfMonth && repeat === 'monthly');
  const start = parseLocal({ date, time }) && isTimeZone(zone) ? resolveLocal({ date, time }, zone) : null;
  const valid = start !== null;
  const preview = useMemo(() => {
    if (!valid || !rrule) return [];
    const parsed = parseRRule(rrule);
    return parsed.ok ? (expandSeries({ start: { date, time }, zone }, parsed.rule) ?? []) : [];
  }, [valid, rrule, date, time, zone]);
  const shifts = dstShifts(preview, zone, inviteeZones.length > 0 ? inviteeZones : ['Europe/Rome', 'Asia/Shanghai']);

  const submit = useApiMutation(async () => {
    const body: CreateMeetingRequest = {
      workingGroupId: group || null,
      type: group ? 'wg-meeting' : type,
      title: title.trim(),
      description,
      start: `${date}T${time}`,
      timeZone: zone,
      durationMinutes: Number(duration),
      onlineUrl: onlineUrl.trim() || null,
      reminderMinutesBefore: reminder,
      place: place.trim() || null,
      rrule,
      agenda: agenda
        .filter((a) => a.title.trim())
        .map((a) => ({
          title: a.title.trim(),
          minutesAllotted: a.minutes ? Number(a.minutes) : null,
          documentIds: a.documentId ? [a.documentId] : [],
        })),
      inviteePersonIds: invitees.map((p) => p.id),
    };
    const created = await meetingCommands.schedule(projectId ?? '', body);
    navigate(`/meetings/${created.id}`);
  }, [meetingKeys.all]);

  const [findFrom, setFindFrom] = useState(addDays(new Date().toISOString().slice(0, 10), 1));
  const [findDays, setFindDays] = useState('14');
  const [found, setFound] = useState<FindTimeResponse | null>(null);
  // Finding a time changes nothing on the server: no key to invalidate.
  const find = useApiMutation(async () => {
    setFound(
      await meetingCommands.findTime(projectId ?? '', {
        personIds: invitees.map((p) => p.id),
        ...(group ? { workingGroupId: group } : {}),
        durationMinutes: Number(duration),
        from: findFrom,
        days: Number(findDays),
      }),
    );
  }, []);
  const pickSlot = (iso: string) => {
    const local = toLocal(new Date(iso), zone);
    setDate(local.date);
    setTime(local.time);
  };

  if (!projectId)
    return (
      <main id="main" className="page">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );
  return (
    <main id="main" className="page">
      <header className="page__header">
        <p className="eyebrow">
          <Link to={`/meetings?projectId=${projectId}`}>{t('meetings.title')}</Link>
        </p>
        <h1>{t('meetings.scheduleTitle')}</h1>
      </header>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <Field label={t('meetings.form.group')} error={fieldError(submit.error, 'workingGroupId')}>
          {(props) => (
            <select {...props} value={group} onChange={(e) => setGroupId(e.target.value)} data-testid="meeting-group">
              {schedulable.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.code}
                </option>
              ))}
              {canCoordinate(user) ? <option value="">{t('meetings.form.projectEvent')}</option> : null}
            </select>
          )}
        </Field>
        {!group ? (
          <Field label={t('meetings.form.type')} error={fieldError(submit.error, 'type')}>
            {(props) => (
              <select {...props} value={type} onChange={(e) => setType(e.target.value as MeetingType)}>
                {PROJECT_EVENT_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {meetingTypeLabel(t, value)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label={t('meetings.form.title')} error={fieldError(submit.error, 'title')}>
          {(props) => (
            <input
              {...props}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={200}
              data-testid="meeting-title"
            />
          )}
        </Field>
        <Field label={t('meetings.form.description')} error={fieldError(submit.error, 'description')}>
          {(props) => (
            <textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
          )}
        </Field>

        <InviteeChecklist
          people={candidates}
          isInvited={(id) => !excluded.has(id)}
          onToggle={(id, invited) => {
            const next = new Set(excluded);
            if (invited) next.delete(id);
            else next.add(id);
            setExcluded(next);
          }}
          error={fieldError(submit.error, 'inviteePersonIds')}
        />

        <fieldset className="fieldset" data-testid="find-a-time">
          <legend>{t('meetings.find.title')}</legend>
          <p className="muted">{t('meetings.find.intro')}</p>
          <div className="form__row">
            <Field label={t('meetings.find.from')} error={fieldError(find.error, 'from')}>
              {(props) => (
                <input {...props} type="date" value={findFrom} onChange={(e) => setFindFrom(e.target.value)} />
              )}
            </Field>
            <Field label={t('meetings.find.days')} error={fieldError(find.error, 'days')}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={60}
                  value={findDays}
                  onChange={(e) => setFindDays(e.target.value)}
                />
              )}
            </Field>
            <div>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void find.run()}
                disabled={find.pending || invitees.length === 0}
                data-testid="find-a-time-run"
              >
                {find.pending ? t('meetings.find.searching') : t('meetings.find.run')}
              </button>
            </div>
          </div>
          <FormError error={find.error} testId="find-error" />
          {found ? (
            <>
              {found.slots.length === 0 ? <p className="alert alert--warning">{t('meetings.find.none')}</p> : null}
              {found.slots.length > 0 && found.slots[0].unavailable.length > 0 ? (
                <p className="alert alert--warning">{t('meetings.find.nobodyFits')}</p>
              ) : null}
              <ol className="slot-list" data-testid="slots">
                {found.slots.map((slot) => (
                  <li key={slot.start} className="slot">
                    <ZonedTimes instant={slot.start} zones={found.participants.map((p) => p.timeZone)} />
                    {slot.unavailable.length > 0 ? (
                      <span className="muted" data-testid="slot-missing">
                        {t('meetings.find.without', {
                          names: slot.unavailable
                            .map((id) => found.participants.find((p) => p.personId === id)?.displayName ?? id)
                            .join(', '),
                        })}
                      </span>
                    ) : null}
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => pickSlot(slot.start)}
                      data-testid="use-slot"
                    >
                      {t('meetings.find.use')}
                    </button>
                  </li>
                ))}
              </ol>
              {found.holidays.length > 0 ? (
                <p className="muted" data-testid="holidays">
                  {t('meetings.find.holidays')}:{' '}
                  {found.holidays.map((h) => `${h.country} ${h.date} ${h.name}`).join(' · ')}
                </p>
              ) : null}
            </>
          ) : null}
        </fieldset>

        <div className="form__row">
          <Field label={t('meetings.form.date')} error={fieldError(submit.error, 'start')}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                required
                data-testid="meeting-date"
              />
            )}
          </Field>
          <Field label={t('meetings.form.time')}>
            {(props) => (
              <input
                {...props}
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                required
                data-testid="meeting-time"
              />
            )}
          </Field>
          <Field label={t('meetings.form.zone')} error={fieldError(submit.error, 'timeZone')}>
            {(props) => (
              <select {...props} value={zone} onChange={(e) => setZone(e.target.value)} data-testid="meeting-zone">
                {(ZONES.includes(zone) ? ZONES : [zone, ...ZONES]).map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('meetings.form.duration')} error={fieldError(submit.error, 'durationMinutes')}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                max={1440}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
                required
              />
            )}
          </Field>
        </div>
        {start?.kind === 'gap' ? (
          <p className="alert alert--warning" role="alert">
            {t('meetings.form.gap', { zone })}
          </p>
        ) : null}
        {start ? (
          <p data-testid="start-preview">
            <ZonedTimes instant={start.instant.toISOString()} zones={inviteeZones} />
          </p>
        ) : null}

        <div className="form__row">
          <Field label={t('meetings.form.repeat')} error={fieldError(submit.error, 'rrule')}>
            {(props) => (
              <select
                {...props}
                value={repeat}
                onChange={(e) => setRepeat(e.target.value as Repeat)}
                data-testid="meeting-repeat"
              >
                <option value="none">{t('meetings.form.repeatNone')}</option>
                <option value="weekly">{t('meetings.form.repeatWeekly')}</option>
                <option value="monthly">{t('meetings.form.repeatMonthly')}</option>
              </select>
            )}
          </Field>
          {repeat === 'weekly' ? (
            <Field label={t('meetings.form.interval')}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={52}
                  value={interval}
                  onChange={(e) => setRepeatInterval(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {repeat !== 'none' ? (
            <Field label={t('meetings.form.count')}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={260}
                  value={count}
                  onChange={(e) => setCount(e.target.value)}
                  data-testid="meeting-count"
                />
              )}
            </Field>
          ) : null}
          {repeat === 'monthly' && isLastWeekOfMonth(date) ? (
            <label className="checkbox">
              <input type="checkbox" checked={lastOfMonth} onChange={(e) => setLastOfMonth(e.target.checked)} />{' '}
              {t('meetings.form.lastOfMonth')}
            </label>
          ) : null}
        </div>
        {preview.length > 0 ? (
          <p className="muted" data-testid="series-preview">
            {t('meetings.form.seriesPreview', {
              count: preview.length,
              last: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(
                preview[preview.length - 1],
              ),
            })}
          </p>
        ) : null}
        {shifts.length > 0 ? (
          <div className="alert alert--warning" role="status" data-testid="dst-warning">
            <div>
              <p>{t('meetings.dst.title')}</p>
              <ul>
                {shifts.map((s) => (
                  <li key={`${s.at.toISOString()}-${s.zone}`}>
                    {dstShiftText(t, { ...s, at: s.at.toISOString() }, locale)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}

        <div className="form__row">
          <Field label={t('meetings.form.onlineUrl')} error={fieldError(submit.error, 'onlineUrl')}>
            {(props) => (
              <input
                {...props}
                type="url"
                value={onlineUrl}
                onChange={(e) => setOnlineUrl(e.target.value)}
                placeholder="https://"
              />
            )}
          </Field>
          <Field label={t('meetings.form.place')} error={fieldError(submit.error, 'place')}>
            {(props) => <input {...props} value={place} onChange={(e) => setPlace(e.target.value)} />}
          </Field>
          <ReminderOffsetField
            value={reminder}
            onChange={setReminder}
            error={fieldError(submit.error, 'reminderMinutesBefore')}
          />
        </div>

        <fieldset className="fieldset">
          <legend>{t('meetings.agenda')}</legend>
          {agenda.map((row, i) => (
            <div className="form__row" key={i}>
              <Field
                label={t('meetings.form.agendaTitle')}
                error={fieldError(submit.error, `agenda.${i}.title`)}
                className="form__field--grow"
              >
                {(props) => (
                  <input
                    {...props}
                    value={row.title}
                    onChange={(e) => setAgenda(agenda.map((a, j) => (j === i ? { ...a, title: e.target.value } : a)))}
                  />
                )}
              </Field>
              <Field
                label={t('meetings.form.agendaMinutes')}
                error={fieldError(submit.error, `agenda.${i}.minutesAllotted`)}
              >
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={1}
                    max={600}
                    value={row.minutes}
                    onChange={(e) => setAgenda(agenda.map((a, j) => (j === i ? { ...a, minutes: e.target.value } : a)))}
                  />
                )}
              </Field>
              <Field
                label={t('meetings.form.agendaDocument')}
                error={fieldError(submit.error, `agenda.${i}.documentIds`)}
              >
                {(props) => (
                  <select
                    {...props}
                    value={row.documentId}
                    onChange={(e) =>
                      setAgenda(agenda.map((a, j) => (j === i ? { ...a, documentId: e.target.value } : a)))
                    }
                  >
                    <option value="">{t('meetings.form.agendaNoDocument')}</option>
                    {projectDocuments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.workingGroupCode ? `${d.workingGroupCode} · ` : ''}
                        {pick(d.title)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setAgenda(agenda.filter((_, j) => j !== i))}
                  aria-label={t('meetings.form.agendaRemove')}
                >
                  ×
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setAgenda([...agenda, { title: '', minutes: '', documentId: '' }])}
          >
            {t('meetings.form.agendaAdd')}
          </button>
        </fieldset>

        <FormError error={submit.error} />
        <SubmitButton
          pending={submit.pending}
          label={t('meetings.form.submit')}
          pendingLabel={t('meetings.form.submitting')}
          testId="meeting-submit"
        />
      </form>
    </main>
  );
}
