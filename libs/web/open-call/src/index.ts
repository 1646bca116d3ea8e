export { CallsPage } from './lib/calls.page';
export { ApplicationsReviewPage } from './lib/applications-review.page';
export { PublicCallPage } from './lib/public-call.page';
export { ConfirmApplicationPage } from './lib/confirm-application.page';
