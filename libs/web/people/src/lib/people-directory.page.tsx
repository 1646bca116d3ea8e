import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { SECTORS } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { regionLabel, roleLabel, sectorLabel, useWorkingGroups } from '@roundtable/web-projects';
import { Badge, ErrorMessage, LoadMore, Loading, countryName, DataTable } from '@roundtable/web-ui';
import { usePeopleDirectory } from './people.queries';
import { useDebounced } from './use-debounced';
import { peopleMessages } from './people.messages';

const REGIONS = ['europe', 'china', 'other'] as const;
const FILTERS = ['q', 'workingGroupId', 'region', 'sector', 'expertise'] as const;
type Filter = (typeof FILTERS)[number];

export function PeopleDirectoryPage() {
  const { t } = useMessages(peopleMessages);
  const { locale, pick } = useLocale();
  const id = useId();
  const [params, setParams] = useSearchParams();
  // Text inputs are local state (so typing stays smooth) and reach the URL after a short pause.
  const [q, setQ] = useState(params.get('q') ?? '');
  const [expertise, setExpertise] = useState(params.get('expertise') ?? '');
  const debouncedQ = useDebounced(q);
  const debouncedExpertise = useDebounced(expertise);
  const groups = useWorkingGroups();

  const setFilter = (name: Filter, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value.trim()) next.set(name, value.trim());
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of [
          ['q', debouncedQ],
          ['expertise', debouncedExpertise],
        ] as const) {
          if (value.trim()) next.set(name, value.trim());
          else next.delete(name);
        }
        return next.toString() === prev.toString() ? prev : next;
      },
      { replace: true },
    );
  }, [debouncedQ, debouncedExpertise, setParams]);

  useEffect(() => {
    document.title = `${t('people.title')} · ${t('app.name')}`;
  }, [t]);

  const query: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  const people = usePeopleDirectory(query);
  const hasFilters = Object.keys(query).length > 0;

  return (
    <main className="page" id="main">
      <header className="page__header">
        <h1>{t('people.title')}</h1>
        <p className="muted">{t('people.intro')}</p>
      </header>
      <form
        className="filters card"
        role="search"
        onSubmit={(event) => event.preventDefault()}
        data-testid="people-filters"
      >
        <div className="form__field filters__search">
          <label htmlFor={`${id}-q`}>{t('people.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={q}
            placeholder={t('people.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-wg`}>{t('people.filter.workingGroup')}</label>
          <select
            id={`${id}-wg`}
            name="workingGroupId"
            value={params.get('workingGroupId') ?? ''}
            onChange={(event) => setFilter('workingGroupId', event.target.value)}
          >
            <option value="">{t('people.filter.all')}</option>
            {(groups.data ?? []).map((group) => (
              <option key={group.id} value={group.id}>
                {group.code} · {pick(group.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-region`}>{t('people.filter.region')}</label>
          <select
            id={`${id}-region`}
            name="region"
            value={params.get('region') ?? ''}
            onChange={(event) => setFilter('region', event.target.value)}
          >
            <option value="">{t('people.filter.all')}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {regionLabel(t, region)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-sector`}>{t('people.filter.sector')}</label>
          <select
            id={`${id}-sector`}
            name="sector"
            value={params.get('sector') ?? ''}
            onChange={(event) => setFilter('sector', event.target.value)}
          >
            <option value="">{t('people.filter.all')}</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {sectorLabel(t, sector)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-expertise`}>{t('people.filter.expertise')}</label>
          <input
            id={`${id}-expertise`}
            name="expertise"
            value={expertise}
            placeholder={t('people.filter.expertisePlaceholder')}
            onChange={(event) => setExpertise(event.target.value)}
          />
        </div>
        {hasFilters ? (
          <div className="filters__reset">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setQ('');
                setExpertise('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('people.filter.clear')}
            </button>
          </div>
        ) : null}
      </form>

      <section className="section" aria-labelledby="people-results" aria-live="polite">
        <h2 id="people-results" className="visually-hidden">
          {t('people.results')}
        </h2>
        {people.state === 'loading' ? <Loading /> : null}
        {people.state === 'error' ? <ErrorMessage error={people.error} onRetry={people.reload} /> : null}
        {people.state === 'ready' ? (
          people.data.length === 0 ? (
            <p className="muted">{hasFilters ? t('people.noMatch') : t('people.empty')}</p>
          ) : (
            <>
              <p className="muted">{t('people.count', { count: people.data.length })}</p>
              <DataTable
                testId="people"
                headers={[
                  t('people.name'),
                  t('people.affiliation'),
                  t('people.country'),
                  t('people.sector'),
                  t('people.workingGroups'),
                  t('people.expertise'),
                ]}
              >
                {people.data.map((person) => (
                  <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
                    <th scope="row">
                      <Link to={`/people/${person.id}`}>{person.displayName}</Link>
                    </th>
                    <td>{person.partner?.shortName ?? person.affiliation ?? '—'}</td>
                    <td>
                      {countryName(person.country, locale)}{' '}
                      <span className="muted">({regionLabel(t, person.region)})</span>
                    </td>
                    <td>{sectorLabel(t, person.sector)}</td>
                    <td>
                      <span className="tag-list">
                        {person.memberships
                          .filter((m) => m.leftOn === null)
                          .map((m) => (
                            <Badge key={m.id} tone={m.role === 'co-chair' ? 'info' : 'neutral'}>
                              {m.workingGroupCode} · {roleLabel(t, m.role)}
                            </Badge>
                          ))}
                      </span>
                    </td>
                    <td>
                      <span className="tag-list">
                        {person.expertise.map((tag) => (
                          <span key={tag} className="tag">
                            {tag}
                          </span>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </DataTable>
              <LoadMore list={people} testId="people-load-more" />
            </>
          )
        ) : null}
      </section>
    </main>
  );
}
