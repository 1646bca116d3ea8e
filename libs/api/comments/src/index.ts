export * from './comments.entities';
export * from './comments.module';
export * from './comments.commands';
export { CommentsQueries } from './comments.queries';
