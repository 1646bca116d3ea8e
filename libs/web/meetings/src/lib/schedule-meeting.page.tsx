import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
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
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { useDocuments, usePeople, useWorkingGroups } from '@roundtable/web-projects';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { meetingCommands, meetingKeys } from './meetings.queries';
import { dstShiftText, meetingTypeLabel, viewerZone } from './meeting-labels';
import { InviteeChecklist } from './invitee-checklist';
import { isLastWeekOfMonth, ruleFor, type Repeat } from './repeat-rule';
import { ZonedTimes } from './zoned-times';
import {
  MeetingWhatFields,
  MeetingWhenFields,
  MeetingWhereFields,
  meetingFieldsBody,
  type MeetingFieldValues,
} from './meeting-form.fields';
import { meetingsMessages } from './meetings.messages';
import styles from './meetings.module.css';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Rome', 'Asia/Shanghai', 'UTC'];
  }
})();

/** The schedule form's values: the fields it shares with the edit form, then its own. */
interface ScheduleValues extends MeetingFieldValues {
  type: MeetingType;
  zone: string;
  repeat: Repeat;
  interval: string;
  count: string;
  lastOfMonth: boolean;
  findFrom: string;
  findDays: string;
}

interface AgendaRow {
  title: string;
  minutes: string;
  documentId: string;
}

/** Schedule a WG meeting or a project event, with a find-a-time helper and a DST warning for series. */
export function ScheduleMeetingPage() {
  const { t } = useMessages(meetingsMessages);
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
  const form = useForm<ScheduleValues>({
    defaultValues: {
      type: 'kick-off',
      title: '',
      description: '',
      date: addDays(new Date().toISOString().slice(0, 10), 7),
      time: '10:00',
      zone: isTimeZone(viewerZone()) ? viewerZone() : 'Europe/Rome',
      duration: '90',
      onlineUrl: '',
      reminder: 1440,
      place: '',
      repeat: 'none',
      interval: '1',
      count: '10',
      lastOfMonth: false,
      findFrom: addDays(new Date().toISOString().slice(0, 10), 1),
      findDays: '14',
    },
  });
  const { register, setValue, control } = form;
  // What the preview, the DST warning and find-a-time read while the form is being filled in.
  const [date, time, zone, duration, repeat, interval, count, lastOfMonth, findFrom, findDays] = useWatch({
    control,
    name: ['date', 'time', 'zone', 'duration', 'repeat', 'interval', 'count', 'lastOfMonth', 'findFrom', 'findDays'],
  });
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

  const submit = useApiMutation(
    async (values: ScheduleValues) => {
      const body: CreateMeetingRequest = {
        ...meetingFieldsBody(values),
        workingGroupId: group || null,
        type: group ? 'wg-meeting' : values.type,
        timeZone: zone,
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
    },
    [meetingKeys.all],
  );

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
    setValue('date', local.date);
    setValue('time', local.time);
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
      <FormProvider {...form}>
        <form className="form" onSubmit={form.handleSubmit((values) => submit.run(values))}>
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
                <select {...props} {...register('type')}>
                  {PROJECT_EVENT_TYPES.map((value) => (
                    <option key={value} value={value}>
                      {meetingTypeLabel(t, value)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <MeetingWhatFields error={submit.error} />

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
                {(props) => <input {...props} type="date" {...register('findFrom')} />}
              </Field>
              <Field label={t('meetings.find.days')} error={fieldError(find.error, 'days')}>
                {(props) => <input {...props} type="number" min={1} max={60} {...register('findDays')} />}
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
                <ol className={styles.slotList} data-testid="slots">
                  {found.slots.map((slot) => (
                    <li key={slot.start} className={styles.slot}>
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

          <MeetingWhenFields
            error={submit.error}
            timeLabel={t('meetings.form.time')}
            zoneField={
              <Field label={t('meetings.form.zone')} error={fieldError(submit.error, 'timeZone')}>
                {(props) => (
                  <select {...props} {...register('zone')} data-testid="meeting-zone">
                    {(ZONES.includes(zone) ? ZONES : [zone, ...ZONES]).map((z) => (
                      <option key={z} value={z}>
                        {z}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            }
          />
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
                <select {...props} {...register('repeat')} data-testid="meeting-repeat">
                  <option value="none">{t('meetings.form.repeatNone')}</option>
                  <option value="weekly">{t('meetings.form.repeatWeekly')}</option>
                  <option value="monthly">{t('meetings.form.repeatMonthly')}</option>
                </select>
              )}
            </Field>
            {repeat === 'weekly' ? (
              <Field label={t('meetings.form.interval')}>
                {(props) => <input {...props} type="number" min={1} max={52} {...register('interval')} />}
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
                    {...register('count')}
                    data-testid="meeting-count"
                  />
                )}
              </Field>
            ) : null}
            {repeat === 'monthly' && isLastWeekOfMonth(date) ? (
              <label className="checkbox">
                <input type="checkbox" {...register('lastOfMonth')} /> {t('meetings.form.lastOfMonth')}
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

          <MeetingWhereFields error={submit.error} />

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
                      onChange={(e) =>
                        setAgenda(agenda.map((a, j) => (j === i ? { ...a, minutes: e.target.value } : a)))
                      }
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
      </FormProvider>
    </main>
  );
}
