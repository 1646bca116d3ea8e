export * from './comments.entities';
export * from './comments.module';
export * from './comments.commands';
export { CommentsQueries } from './comments.queries';
export { eraseCommentMentionsOf } from './comments.personal-data';
