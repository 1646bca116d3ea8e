export * from './plan.entities';
export * from './deliverables.module';
export { PlanService, toCsv } from './plan.service';
export { RemindersService, REMINDER_JOB } from './reminders.service';
export { DocumentLifecycleService } from './document-lifecycle.service';
