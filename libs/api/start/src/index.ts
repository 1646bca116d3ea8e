export { StartModule } from './start.module';
