import { useMessages } from '@roundtable/web-i18n';
import styles from './plan.module.css';
import { planMessages } from './plan.messages';

/** A progress bar with its value in words, for a share in [0, 1]. */
export function ReadinessBar({ share, label, testId }: { share: number; label: string; testId?: string }) {
  const { t } = useMessages(planMessages);
  const value = Math.round(share * 100);
  return (
    <div className={styles.readiness} data-testid={testId} data-value={value}>
      <div
        className={styles.readinessTrack}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
      >
        <div className={styles.readinessBar} style={{ width: `${value}%` }} />
      </div>
      <span className={styles.readinessValue}>{t('plan.percent', { value })}</span>
    </div>
  );
}
