export { LibraryPage } from './lib/library.page';
export { LibraryFilePage } from './lib/library-file.page';
export { WorkingGroupLibrary } from './lib/working-group-library.section';
