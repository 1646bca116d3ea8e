export * from './plan.entities';
export * from './deliverables.module';
export { PlanService } from './plan.service';
export { toCsv } from './plan.presenter';
export { RemindersService, REMINDER_JOB } from './reminders.service';
export { DocumentLifecycleService } from './document-lifecycle.service';
