export * from './project-months';
export * from './access-policy';
export * from './user-color';
export * from './region';
