export * from './time-zones';
export * from './recurrence';
export * from './dst-warning';
export * from './find-a-time';
export * from './reminders';
