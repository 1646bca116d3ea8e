import { Field } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { meetingsMessages } from './meetings.messages';

/** How long before each occurrence invitees get a reminder mail (minutes; 0 = none). */
export function ReminderOffsetField({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (minutes: number) => void;
  error?: string;
}) {
  const { t } = useMessages(meetingsMessages);
  const options: Array<[number, string]> = [
    [0, t('meetings.form.reminderNone')],
    [60, t('meetings.form.reminderHour')],
    [1440, t('meetings.form.reminderDay')],
    [2880, t('meetings.form.reminderTwoDays')],
    [10080, t('meetings.form.reminderWeek')],
  ];
  // An offset set over the API that the list does not offer stays selectable.
  if (!options.some(([minutes]) => minutes === value))
    options.push([value, t('meetings.form.reminderMinutes', { minutes: value })]);
  return (
    <Field label={t('meetings.form.reminder')} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {options.map(([minutes, label]) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
