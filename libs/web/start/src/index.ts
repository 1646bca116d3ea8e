export { StartPage } from './lib/start.page';
