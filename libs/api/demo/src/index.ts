export * from './demo.seed';
export * from './demo-data';
