export * from './suggestion.entity';
export * from './suggestions.module';
export { SuggestionsQueries } from './suggestions.queries';
