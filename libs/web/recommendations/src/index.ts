export { RecommendationsPage } from './lib/recommendations.page';
export { RecommendationsLink } from './lib/recommendations.link';
export { recommendationsMessages } from './lib/recommendations.messages';
export { ADDRESSEES, HORIZONS } from './lib/recommendations.queries';
