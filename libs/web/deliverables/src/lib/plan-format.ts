import {
  DELIVERABLE_STATUSES,
  type DeliverableStatus,
  type DeliverableType,
  type PlanItemDto,
  type PlanRisk,
} from '@roundtable/contracts';
import type { BadgeTone } from '@roundtable/web-ui';
import { planDate } from './plan-dates';
import type { PlanT } from './plan.messages';
import styles from './plan.module.css';

/** "M24 · 31 Dec 2021". */
export function monthLabel(t: PlanT, month: number, date: string, locale: string): string {
  return t('plan.monthDate', { month, date: planDate(date, locale) });
}

export const RISK_TONE: Record<PlanRisk, BadgeTone> = {
  done: 'neutral',
  'on-track': 'success',
  'at-risk': 'warning',
  overdue: 'danger',
};

/** The class that sets `--risk` (the colour of a deadline's edge and of its timeline marker). */
export const RISK_CLASS: Record<PlanRisk, string> = {
  done: styles.planRiskDone,
  'on-track': styles.planRiskOnTrack,
  'at-risk': styles.planRiskAtRisk,
  overdue: styles.planRiskOverdue,
};

export const riskLabel = (t: PlanT, risk: PlanRisk) => t(`plan.risk.${risk}`);

/** "in 11 days", "due today", "3 days overdue". */
export function daysLeftLabel(t: PlanT, item: Pick<PlanItemDto, 'daysLeft' | 'risk'>): string {
  if (item.risk === 'done') return riskLabel(t, 'done');
  if (item.daysLeft === 0) return t('plan.dueToday');
  if (item.daysLeft === 1) return t('plan.dueTomorrow');
  if (item.daysLeft === -1) return t('plan.overdueOneDay');
  return item.daysLeft > 0
    ? t('plan.daysLeft', { days: item.daysLeft })
    : t('plan.daysOverdue', { days: -item.daysLeft });
}

export function statusLabel(t: PlanT, item: Pick<PlanItemDto, 'kind' | 'status' | 'readiness'>): string {
  if (item.kind === 'milestone') return item.readiness.ready ? t('plan.milestoneReached') : t('plan.milestoneOpen');
  return deliverableStatusLabel(t, item.status);
}

/** A deliverable status in words; a value this web build does not know (a newer API) shows as it is. */
export function deliverableStatusLabel(t: PlanT, status: string | null): string {
  if (status === null) return '—';
  return (DELIVERABLE_STATUSES as readonly string[]).includes(status)
    ? t(`plan.status.${status as DeliverableStatus}`)
    : status;
}

export const typeLabel = (t: PlanT, type: DeliverableType | null) => (type ? t(`plan.type.${type}`) : '—');
