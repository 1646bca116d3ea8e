export * from './references.module';
export * from './doi-resolver';
