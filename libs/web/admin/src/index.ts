export { OutboxPage } from './lib/outbox.page';
export { BalancePage } from './lib/balance.page';
