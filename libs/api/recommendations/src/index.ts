export * from './recommendations.module';
export { RecommendationsQueries } from './recommendations.queries';
export { RecommendationsSync } from './recommendations.sync';
export { searchTextOf } from './recommendation.segment';
export { CANDIDATE_SCORE, scoreTexts } from './recommendations.repository';
export { registryLabel } from './recommendation.labels';
