export { ReviewLinkPage } from './lib/review-link.page';
export { ReviewerPage } from './lib/reviewer.page';
export { ReviewRoundPage } from './lib/review-round.page';
export { DocumentReviewRoundsPage } from './lib/document-review-rounds.page';
export { ReviewCommentsPanel } from './lib/review-comments.panel';
