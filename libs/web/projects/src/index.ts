export { AppLayout } from './lib/app.layout';
export { DocumentsPage, ProjectPage, WorkingGroupsPage } from './lib/project.page';
export { WorkingGroupPage, type GroupSection } from './lib/working-group.page';
export { NotFoundPage } from './lib/not-found.page';
export { DocumentList } from './lib/document.list';
export { PartnerList } from './lib/partner.list';
export { countryWithRegion, formatDate, genderLabel, regionLabel, roleLabel, sectorLabel } from './lib/labels';
export { ProjectPicker, useSelectedProject } from './lib/project-picker';
export { DocumentStatusSelect } from './lib/document-status.select';
export {
  groupKeys,
  projectKeys,
  useDocuments,
  usePeople,
  useProjects,
  useWorkingGroup,
  useWorkingGroups,
} from './lib/projects.queries';
export { CoChairVacancies } from './lib/co-chair-vacancies';
