export { AppLayout } from './lib/app.layout';
export { HomePage } from './lib/home.page';
export { WorkingGroupPage } from './lib/working-group.page';
export { NotFoundPage } from './lib/not-found.page';
export { DocumentList } from './lib/document.list';
export { formatDate } from './lib/labels';
