export { MinutesModule } from './minutes.module';
export { MinutesQueries } from './minutes.queries';
export type { PendingMinutes } from './minutes.presenter';
export { minutesTemplate } from './minutes.template';
export { ActionRemindersService, ACTION_REMINDER_JOB } from './action-reminders.service';
