export { PlanDashboardPage } from './lib/plan-dashboard.page';
export { PlanItemPage } from './lib/plan-item.page';
export { PlanPrintPage } from './lib/plan-print.page';
