import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ProjectDto } from '@roundtable/contracts';
import type { Resource } from '@roundtable/web-ui';
import { useProjects } from './projects.queries';

/**
 * The project a project-wide page (calls, balance) is about: `?projectId=` when given and known,
 * otherwise the first of the caller's projects.
 */
export function useSelectedProject(): {
  projects: Resource<ProjectDto[]>;
  project: ProjectDto | null;
  select: (id: string) => void;
} {
  const projects = useProjects();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('projectId');
  const list = projects.state === 'ready' ? projects.data : [];
  const project = list.find((p) => p.id === wanted) ?? list[0] ?? null;
  const select = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('projectId', id);
        return next;
      },
      { replace: true },
    );
  return { projects, project, select };
}

/** A project switcher, shown only when the caller belongs to more than one project. */
export function ProjectPicker({
  projects,
  project,
  select,
}: {
  projects: ProjectDto[];
  project: ProjectDto | null;
  select: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (projects.length < 2) return null;
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('projectPicker.label')}</label>
      <select id={id} value={project?.id ?? ''} onChange={(event) => select(event.target.value)}>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
