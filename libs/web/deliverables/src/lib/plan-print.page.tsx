import { useEffect } from 'react';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { useSelectedProject } from '@roundtable/web-projects';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { usePlanDashboard } from './plan.queries';
import { PlanTable } from './plan-dashboard.page';
import { planDate } from './plan-dates';
import { planMessages } from './plan.messages';

/** The deliverables and milestones table on its own, laid out for paper (the print stylesheet hides the chrome). */
export function PlanPrintPage() {
  const { t } = useMessages(planMessages);
  const { locale } = useLocale();
  const { project } = useSelectedProject();
  const plan = usePlanDashboard(project?.id ?? null);
  useEffect(() => {
    document.title = `${t('plan.printTitle')} · ${t('app.name')}`;
  }, [t]);
  return (
    <main className="page page--print" id="main" data-testid="plan-print">
      {plan.state === 'loading' ? <Loading /> : null}
      {plan.state === 'error' ? <ErrorMessage error={plan.error} onRetry={plan.reload} /> : null}
      {plan.state === 'ready' ? (
        <>
          <header className="page__header page__header--split">
            <div>
              <h1>{t('plan.printTitle')}</h1>
              <p className="muted">
                {plan.data.project.name} · {t('plan.asOf', { date: planDate(plan.data.today, locale) })}
              </p>
            </div>
            <button type="button" className="button button--primary no-print" onClick={() => window.print()}>
              {t('plan.print')}
            </button>
          </header>
          <PlanTable plan={plan.data} />
        </>
      ) : null}
    </main>
  );
}
