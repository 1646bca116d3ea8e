export { RecommendationsPage } from './lib/recommendations.page';
export { RecommendationsLink } from './lib/recommendations.link';
