import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { WorkingGroupDto } from '@roundtable/contracts';
import { ProjectPicker, useSelectedProject, useWorkingGroups } from '@roundtable/web-projects';
import { ErrorMessage, LoadMore, Loading } from '@roundtable/web-ui';
import { useInvalidateLibrary, useLibrary } from './library.queries';
import { LibraryFileList } from './library-file.list';
import { UploadForm, type UploadTarget } from './upload.form';
import { useMessages } from '@roundtable/web-i18n';
import { libraryMessages } from './library.messages';

/** The query string of the library list for the current filters. */
/** Upload targets with their labels: group codes, and "Project level" for coordinators. */
function uploadTargets(ids: Array<string | null>, groups: WorkingGroupDto[], projectLevel: string): UploadTarget[] {
  const codes = new Map(groups.map((g) => [g.id, g.code]));
  return ids.map((id) => ({ id, label: id === null ? projectLevel : (codes.get(id) ?? '…') }));
}

/** The project-wide library: every group's working documents, searchable, filterable by tag and group. */
export function LibraryPage() {
  const { t } = useMessages(libraryMessages);
  const searchId = useId();
  const { projects, project, select } = useSelectedProject();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') ?? '';
  const group = params.get('group') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const list = useLibrary(project?.id ?? null, { q: debounced, tag, workingGroupId: group });
  const all = useLibrary(project?.id ?? null);
  const groups = useWorkingGroups(project !== null);
  const invalidateLibrary = useInvalidateLibrary();

  useEffect(() => {
    document.title = `${t('library.title')} · ${t('app.name')}`;
  }, [t]);

  const setFilter = (key: 'tag' | 'group', value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (projects.state === 'error')
    return (
      <main className="page" id="main">
        <ErrorMessage error={projects.error} onRetry={projects.reload} />
      </main>
    );
  const projectGroups = (groups.state === 'ready' ? groups.data : []).filter((g) => g.projectId === project?.id);
  const targets = uploadTargets(
    all.state === 'ready' ? all.data.uploadTargets : [],
    projectGroups,
    t('library.projectLevel'),
  );

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('library.title')}</h1>
          <p className="muted">{t('library.intro')}</p>
        </div>
        {projects.state === 'ready' ? (
          <ProjectPicker projects={projects.data} project={project} select={select} />
        ) : null}
      </header>
      <form
        className="filters card"
        role="search"
        onSubmit={(event) => event.preventDefault()}
        data-testid="library-filters"
      >
        <div className="form__field filters__search">
          <label htmlFor={searchId}>{t('library.search')}</label>
          <input
            id={searchId}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('library.searchPlaceholder')}
            data-testid="library-search"
          />
        </div>
        <div className="form__field">
          <label htmlFor={`${searchId}-tag`}>{t('library.tag')}</label>
          <select
            id={`${searchId}-tag`}
            value={tag}
            onChange={(e) => setFilter('tag', e.target.value)}
            data-testid="library-tag-filter"
          >
            <option value="">{t('library.allTags')}</option>
            {(all.state === 'ready' ? all.data.tags : []).map((entry) => (
              <option key={entry.tag} value={entry.tag}>
                {entry.tag} ({entry.count})
              </option>
            ))}
            {tag && all.state === 'ready' && !all.data.tags.some((entry) => entry.tag === tag) ? (
              <option value={tag}>{tag}</option>
            ) : null}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${searchId}-group`}>{t('library.group')}</label>
          <select
            id={`${searchId}-group`}
            value={group}
            onChange={(e) => setFilter('group', e.target.value)}
            data-testid="library-group-filter"
          >
            <option value="">{t('library.allGroups')}</option>
            {projectGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code}
              </option>
            ))}
            <option value="project">{t('library.projectLevel')}</option>
          </select>
        </div>
      </form>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' ? (
        <section className="section" aria-label={t('library.title')} aria-busy={debounced !== q}>
          <LibraryFileList files={list.data.files} showGroup onTag={(value) => setFilter('tag', value)} />
          <LoadMore list={list} testId="library-load-more" />
        </section>
      ) : null}
      {project && all.state === 'ready' && targets.length > 0 ? (
        <section className="section">
          <UploadForm
            projectId={project.id}
            targets={targets}
            maxUploadBytes={all.data.maxUploadBytes}
            onUploaded={() => void invalidateLibrary()}
          />
        </section>
      ) : null}
    </main>
  );
}
