import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ProjectPicker, useSelectedProject, useWorkingGroups } from '@roundtable/web-projects';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { useMinutesArchive } from '../meetings.queries';
import { ZonedTimes } from '../zoned-times';
import { minutesMessages } from './minutes.messages';

/** Approved minutes of the project, shared with every group: search their text, filter by group and date. */
export function MinutesArchivePage() {
  const { t } = useMessages(minutesMessages);
  const { projects, project, select } = useSelectedProject();
  const groups = useWorkingGroups();
  const [form, setForm] = useState({ q: '', workingGroupId: '', from: '', to: '' });
  const [query, setQuery] = useState(form);
  const entries = useMinutesArchive(project?.id ?? null, query);
  useEffect(() => {
    document.title = `${t('minutes.archive.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <main id="main" className="page">
      <header className="page__header">
        <h1>{t('minutes.archive.title')}</h1>
        <p className="muted">{t('minutes.archive.intro')}</p>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      <form
        className="form form--inline"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(form);
        }}
      >
        <label>
          {t('minutes.archive.search')}{' '}
          <input
            type="search"
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
            data-testid="archive-q"
          />
        </label>
        <label>
          {t('minutes.archive.group')}{' '}
          <select
            value={form.workingGroupId}
            onChange={(e) => setForm({ ...form, workingGroupId: e.target.value })}
            data-testid="archive-group"
          >
            <option value="">{t('minutes.archive.allGroups')}</option>
            {(groups.state === 'ready' ? groups.data : []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('minutes.archive.from')}{' '}
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          {t('minutes.archive.to')}{' '}
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <button type="submit" className="button button--primary" data-testid="archive-submit">
          {t('minutes.archive.submit')}
        </button>
      </form>
      {entries.state === 'loading' ? <Loading /> : null}
      {entries.state === 'error' ? <ErrorMessage error={entries.error} onRetry={entries.reload} /> : null}
      {entries.state === 'ready' ? (
        entries.data.length === 0 ? (
          <p className="muted">{t('minutes.archive.empty')}</p>
        ) : (
          <ul className="archive-list" data-testid="archive">
            {entries.data.map((m) => (
              <li key={m.id} className="card" data-testid="archive-entry">
                <Link to={`/minutes/${m.id}`}>
                  {m.workingGroupCode ? `${m.workingGroupCode} · ` : ''}
                  {m.meetingTitle}
                </Link>{' '}
                <ZonedTimes instant={m.occurrenceStart} zones={[m.meetingTimeZone]} />
                <p className="muted">{m.excerpt}</p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </main>
  );
}
