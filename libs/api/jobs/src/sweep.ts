const DEFAULT_SWEEP_SECONDS = 3600;

/**
 * Seconds between two runs of a periodic sweep (deadline and meeting reminders): REMINDER_SWEEP_SECONDS,
 * default one hour. Tests set 1 so the queue does the work while they wait.
 */
export function reminderSweepSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.REMINDER_SWEEP_SECONDS);
  return Number.isFinite(value) && value >= 1 ? value : DEFAULT_SWEEP_SECONDS;
}
