import type { TFunction } from 'i18next';
import type { PlanItemDto, PlanRisk } from '@roundtable/contracts';
import type { BadgeTone } from '@roundtable/web-ui';
import { planDate } from './plan-dates';

/** "M24 · 31 Dec 2021". */
export function monthLabel(t: TFunction, month: number, date: string, locale: string): string {
  return t('plan.monthDate', { month, date: planDate(date, locale) });
}

export const RISK_TONE: Record<PlanRisk, BadgeTone> = {
  done: 'neutral',
  'on-track': 'success',
  'at-risk': 'warning',
  overdue: 'danger',
};

export const riskLabel = (t: TFunction, risk: PlanRisk) => t(`plan.risk.${risk}`);

/** "in 11 days", "due today", "3 days overdue". */
export function daysLeftLabel(t: TFunction, item: Pick<PlanItemDto, 'daysLeft' | 'risk'>): string {
  if (item.risk === 'done') return riskLabel(t, 'done');
  if (item.daysLeft === 0) return t('plan.dueToday');
  if (item.daysLeft === 1) return t('plan.dueTomorrow');
  if (item.daysLeft === -1) return t('plan.overdueOneDay');
  return item.daysLeft > 0
    ? t('plan.daysLeft', { days: item.daysLeft })
    : t('plan.daysOverdue', { days: -item.daysLeft });
}

export function statusLabel(t: TFunction, item: Pick<PlanItemDto, 'kind' | 'status' | 'readiness'>): string {
  if (item.kind === 'milestone') return item.readiness.ready ? t('plan.milestoneReached') : t('plan.milestoneOpen');
  return t(`plan.status.${item.status}`);
}
