export * from './editor-schema';
export * from './markdown';
export * from './outline';
export * from './recommendation.node';
