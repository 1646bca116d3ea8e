import { Link } from 'react-router-dom';
import type { PlanDashboardDto } from '@roundtable/contracts';
import { daysUntil, projectMonthEnd } from '@roundtable/domain';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { monthPosition, planDate } from './plan-dates';
import { RISK_CLASS, monthLabel, riskLabel } from './plan-format';
import styles from './plan.module.css';
import { planMessages } from './plan.messages';

/**
 * The project's months as a horizontal axis: tasks as bars, milestones (diamonds) and deliverables
 * (circles) at the end of their due month, coloured by risk, and a line for the server's today.
 */
export function Timeline({ plan }: { plan: PlanDashboardDto }) {
  const { t } = useMessages(planMessages);
  const { locale, pick } = useLocale();
  const { startDate, durationMonths } = plan.project;
  const end = projectMonthEnd(startDate, durationMonths, durationMonths);
  const total = daysUntil(startDate, end) + 1;
  const elapsed = daysUntil(startDate, plan.today) + 1;
  const todayShare = Math.max(0, Math.min(1, elapsed / total));
  const years = Array.from({ length: Math.ceil(durationMonths / 12) + 1 }, (_, i) => i * 12).filter(
    (m) => m <= durationMonths,
  );
  return (
    <figure
      className={styles.timeline}
      aria-label={t('plan.timeline')}
      data-testid="timeline"
      data-duration={durationMonths}
    >
      <div className={styles.timelineAxis}>
        {years.map((month) => (
          <span
            key={month}
            className={styles.timelineTick}
            data-testid="timeline-tick"
            style={{ left: `${monthPosition(month, durationMonths)}%` }}
          >
            {month === 0 ? 'M1' : `M${month}`}
          </span>
        ))}
      </div>
      <div className={styles.timelineTasks}>
        {plan.tasks.map((task) => (
          <div
            key={task.id}
            className={styles.timelineTask}
            style={{
              left: `${monthPosition(task.startMonth - 1, durationMonths)}%`,
              width: `${monthPosition(task.endMonth - task.startMonth + 1, durationMonths)}%`,
            }}
            title={`${task.code} ${pick(task.title)} (M${task.startMonth}–M${task.endMonth})`}
          >
            {task.code}
          </div>
        ))}
      </div>
      <div className={styles.timelineItems}>
        {plan.items.map((item, index) => (
          <Link
            key={item.id}
            to={`/plan/items/${item.id}`}
            className={`${styles.timelineItem} ${item.kind === 'milestone' ? styles.timelineItemMilestone : ''} ${RISK_CLASS[item.risk]}`}
            style={{ left: `${monthPosition(item.dueMonth, durationMonths)}%`, top: `${(index % 3) * 1.6}rem` }}
            data-testid="timeline-item"
            data-number={item.number}
            data-month={item.dueMonth}
            data-risk={item.risk}
            title={`${item.number} · ${monthLabel(t, item.dueMonth, item.dueDate, locale)} · ${riskLabel(t, item.risk)}`}
          >
            <span className={styles.timelineMarker} aria-hidden="true" />
            <span className="timeline__label">
              {item.number} <small>M{item.dueMonth}</small>
            </span>
          </Link>
        ))}
      </div>
      {elapsed >= 1 && elapsed <= total ? (
        <div
          className={styles.timelineToday}
          style={{ left: `${todayShare * 100}%` }}
          data-testid="timeline-today"
          data-today={plan.today}
        >
          <span>{t('plan.today')}</span>
        </div>
      ) : null}
      <figcaption className="muted">
        {plan.currentMonth === null
          ? t('plan.todayOutside', { date: planDate(plan.today, locale) })
          : t('plan.todayIs', { date: monthLabel(t, plan.currentMonth, plan.today, locale) })}
      </figcaption>
    </figure>
  );
}
