export * from './comments.entities';
export * from './comments.module';
export * from './comments.service';
