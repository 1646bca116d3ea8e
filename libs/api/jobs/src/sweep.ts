import { loadConfig } from '@roundtable/api-config';

/**
 * Seconds between two runs of a periodic sweep (deadline and meeting reminders): REMINDER_SWEEP_SECONDS,
 * default one hour. Tests set 1 so the queue does the work while they wait.
 */
export function reminderSweepSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return loadConfig(env).reminderSweepSeconds;
}
