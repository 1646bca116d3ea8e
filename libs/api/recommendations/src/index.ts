export * from './recommendations.module';
export { RecommendationsQueries } from './recommendations.queries';
export { RecommendationsSync } from './recommendations.sync';
export { searchTextOf } from './recommendation.segment';
