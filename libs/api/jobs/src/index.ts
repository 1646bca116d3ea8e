export * from './jobs.module';
export {
  JobsService,
  type JobHandler,
  type JobHandlerOptions,
  type JobPolicy,
  type SendJobOptions,
} from './jobs.service';
export { reminderSweepSeconds } from './sweep';
