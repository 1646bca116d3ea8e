export * from './minutes-workflow';
