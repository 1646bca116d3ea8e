export { OutboxPage } from './lib/outbox.page';
export { BalancePage } from './lib/balance.page';
export { StructurePage } from './lib/structure.page';
