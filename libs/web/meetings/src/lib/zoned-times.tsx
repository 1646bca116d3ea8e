import { counterpartZones, formatInZones } from '@roundtable/domain';
import { useLocale } from '@roundtable/web-i18n';
import { viewerZone } from './meeting-labels';
import styles from './meetings.module.css';

/**
 * One instant in the viewer's zone (first, emphasised) and in the counterpart zones: the invitees' other
 * zones, or Rome ↔ Shanghai by default.
 */
export function ZonedTimes({
  instant,
  zones = [],
  testId,
}: {
  instant: string;
  zones?: readonly string[];
  testId?: string;
}) {
  const { locale } = useLocale();
  const mine = viewerZone();
  const all = [mine, ...counterpartZones(mine, zones)];
  const times = formatInZones(new Date(instant), all, locale);
  return (
    <span className={styles.zonedTimes} data-testid={testId}>
      {times.map((time, i) => (
        <span key={time.zone} data-testid={i === 0 ? 'zoned-time-mine' : 'zoned-time-other'} title={time.zone}>
          {i === 0 ? <strong>{time.text}</strong> : time.text}{' '}
          <span className="muted">
            ({time.city}, {time.offset})
          </span>
        </span>
      ))}
    </span>
  );
}
