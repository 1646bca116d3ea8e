import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import {
  Gender,
  SECTORS,
  type Gender as GenderValue,
  type Locale,
  type PersonDto,
  type Sector,
  type UpdatePersonRequest,
} from '@roundtable/contracts';
import { COUNTRY_CODES } from '@roundtable/domain';
import { useSession } from '@roundtable/web-auth';
import { SUPPORTED_LOCALES, useLocale, useMessages } from '@roundtable/web-i18n';
import { countryWithRegion, genderLabel, roleLabel, sectorLabel } from '@roundtable/web-projects';
import {
  Badge,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  countryName,
  fieldError,
  formatDay,
  parseTags,
  useAction,
  DataTable,
  SubmitButton,
} from '@roundtable/web-ui';
import { peopleCommands, useMyPerson, usePerson } from './people.queries';
import { personMessages } from './people.messages';

/** All IANA time zones the browser knows, plus the current value if the browser does not list it. */
function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones].filter(Boolean);
}

function useCountryOptions(): Array<{ code: string; name: string }> {
  const { locale } = useLocale();
  return useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
}

function EditProfileForm({ person, onSaved }: { person: PersonDto; onSaved: (person: PersonDto) => void }) {
  const { t } = useMessages(personMessages);
  const countries = useCountryOptions();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [country, setCountry] = useState(person.country);
  const [affiliation, setAffiliation] = useState(person.affiliation ?? '');
  const [sector, setSector] = useState<Sector>(person.sector);
  const [gender, setGender] = useState<GenderValue | ''>(person.gender ?? '');
  const [timeZone, setTimeZone] = useState(person.timeZone);
  const [language, setLanguage] = useState<Locale>(person.locale);
  const [expertise, setExpertise] = useState(person.expertise.join(', '));
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(person.timeZone), [person.timeZone]);

  const save = useAction(async () => {
    const body: UpdatePersonRequest = {
      displayName: displayName.trim(),
      country,
      affiliation: affiliation.trim() || null,
      sector,
      gender: gender || null,
      timeZone,
      locale: language,
      expertise: parseTags(expertise),
    };
    const updated = await peopleCommands.update(person.id, body);
    setSaved(true);
    onSaved(updated);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    void save.run();
  }

  const err = (field: string) => fieldError(save.error, field);

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      data-testid="profile-form"
      aria-labelledby="profile-edit"
    >
      <h2 id="profile-edit">{t('person.edit.heading')}</h2>
      <FormError error={save.error} />
      {saved ? (
        <p className="alert alert--success" role="status" data-testid="profile-saved">
          {t('person.edit.saved')}
        </p>
      ) : null}
      <div className="form__row">
        <Field label={t('person.edit.displayName')} error={err('displayName')}>
          {(props) => (
            <input
              {...props}
              name="displayName"
              required
              autoComplete="name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('person.edit.country')} error={err('country')}>
          {(props) => (
            <select {...props} name="country" value={country} onChange={(e) => setCountry(e.target.value)}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('person.edit.affiliation')} error={err('affiliation')} hint={t('form.optional')}>
          {(props) => (
            <input
              {...props}
              name="affiliation"
              autoComplete="organization"
              value={affiliation}
              onChange={(e) => setAffiliation(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('person.edit.sector')} error={err('sector')}>
          {(props) => (
            <select {...props} name="sector" value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {sectorLabel(t, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('person.edit.gender')} error={err('gender')} hint={t('person.edit.genderHint')}>
          {(props) => (
            <select
              {...props}
              name="gender"
              value={gender}
              onChange={(e) => setGender(e.target.value as GenderValue | '')}
            >
              <option value="">{t('person.edit.genderUnset')}</option>
              {Object.values(Gender).map((g) => (
                <option key={g} value={g}>
                  {genderLabel(t, g)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('person.edit.timeZone')} error={err('timeZone')}>
          {(props) => (
            <select {...props} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('person.edit.language')} error={err('locale')}>
          {(props) => (
            <select {...props} name="locale" value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
              {SUPPORTED_LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('person.edit.expertise')} error={err('expertise')} hint={t('person.edit.expertiseHint')}>
        {(props) => (
          <input {...props} name="expertise" value={expertise} onChange={(e) => setExpertise(e.target.value)} />
        )}
      </Field>
      {parseTags(expertise).length > 0 ? (
        <p className="tag-list" aria-hidden="true">
          {parseTags(expertise).map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <SubmitButton pending={save.pending} label={t('form.save')} pendingLabel={t('form.saving')} />
    </form>
  );
}

function Profile({ person: initial }: { person: PersonDto }) {
  const { t } = useMessages(personMessages);
  const { locale } = useLocale();
  const [person, setPerson] = useState(initial);
  const { user, refresh } = useSession();
  const onSaved = (updated: PersonDto) => {
    setPerson(updated);
    // Your own name and language live in the session too: reload it so the header follows.
    if (user && updated.email && updated.email.toLowerCase() === user.email.toLowerCase()) void refresh();
  };
  const current = person.memberships.filter((m) => m.leftOn === null);

  useEffect(() => {
    document.title = `${person.displayName} · ${t('app.name')}`;
  }, [person.displayName, t]);

  return (
    <>
      <header className="page__header" data-testid="person-profile">
        <p className="eyebrow">{t('person.eyebrow')}</p>
        <h1>{person.displayName}</h1>
        <p className="tag-list">
          {person.projectRoles.map((role) => (
            <Badge key={role} tone="success">
              {t(`projectRole.${role}`)}
            </Badge>
          ))}
          {current.map((m) => (
            <Badge key={m.id} tone={m.role === 'co-chair' ? 'info' : 'neutral'}>
              {m.workingGroupCode} · {roleLabel(t, m.role)}
            </Badge>
          ))}
        </p>
      </header>
      <section className="section card" aria-labelledby="person-facts">
        <h2 id="person-facts">{t('person.about')}</h2>
        <dl className="facts">
          {person.email ? (
            <div>
              <dt>{t('person.email')}</dt>
              <dd>
                <a href={`mailto:${person.email}`}>{person.email}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('person.country')}</dt>
            <dd>{countryWithRegion(t, countryName(person.country, locale), person.region)}</dd>
          </div>
          <div>
            <dt>{t('person.partner')}</dt>
            <dd>{person.partner ? `${person.partner.shortName} · ${person.partner.fullName}` : '—'}</dd>
          </div>
          <div>
            <dt>{t('person.affiliation')}</dt>
            <dd>{person.affiliation ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('person.sector')}</dt>
            <dd>{sectorLabel(t, person.sector)}</dd>
          </div>
          {person.gender ? (
            <div>
              <dt>{t('person.gender')}</dt>
              <dd>{genderLabel(t, person.gender)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('person.timeZone')}</dt>
            <dd>{person.timeZone}</dd>
          </div>
          <div>
            <dt>{t('person.language')}</dt>
            <dd>{t(`language.${person.locale}`)}</dd>
          </div>
          <div>
            <dt>{t('person.expertise')}</dt>
            <dd className="tag-list">
              {person.expertise.length === 0
                ? '—'
                : person.expertise.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      </section>
      <section className="section" aria-labelledby="person-history">
        <h2 id="person-history">{t('person.history')}</h2>
        {person.memberships.length === 0 ? (
          <p className="muted">{t('person.noMemberships')}</p>
        ) : (
          <DataTable
            testId="person-memberships"
            headers={[
              t('person.workingGroup'),
              t('workingGroup.memberRole'),
              t('workingGroup.joined'),
              t('workingGroup.left'),
            ]}
          >
            {[...person.memberships]
              .sort((a, b) => b.joinedOn.localeCompare(a.joinedOn))
              .map((m) => (
                <tr key={m.id} className={m.leftOn ? 'row--past' : undefined}>
                  <th scope="row">
                    <Link to={`/working-groups/${m.workingGroupId}`}>{m.workingGroupCode}</Link>
                  </th>
                  <td>{roleLabel(t, m.role)}</td>
                  <td>{formatDay(m.joinedOn, locale)}</td>
                  <td>
                    {m.leftOn ? (
                      formatDay(m.leftOn, locale)
                    ) : (
                      <span className="muted">{t('workingGroup.current')}</span>
                    )}
                  </td>
                </tr>
              ))}
          </DataTable>
        )}
      </section>
      {person.editable ? (
        <section className="section">
          <EditProfileForm key={person.id} person={person} onSaved={onSaved} />
        </section>
      ) : null}
    </>
  );
}

export function PersonPage() {
  const { t } = useMessages(personMessages);
  const { id } = useParams<{ id: string }>();
  const person = usePerson(id);
  return (
    <main className="page" id="main">
      <p>
        <Link to="/people" className="back-link">
          ← {t('person.back')}
        </Link>
      </p>
      {person.state === 'loading' ? <Loading /> : null}
      {person.state === 'error' ? <ErrorMessage error={person.error} onRetry={person.reload} /> : null}
      {person.state === 'ready' ? <Profile key={person.data.id} person={person.data} /> : null}
    </main>
  );
}

/** `/people/me`: finds the signed-in user's person record and shows its page. */
export function MyProfileRedirect() {
  const me = useMyPerson();
  if (me.state === 'ready') return <Navigate to={`/people/${me.data.id}`} replace />;
  return (
    <main className="page" id="main">
      {me.state === 'loading' ? <Loading /> : <ErrorMessage error={me.error} onRetry={me.reload} />}
    </main>
  );
}
