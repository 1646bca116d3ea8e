export * from './project-months';
export * from './access-policy';
export * from './user-color';
export * from './region';
export * from './co-chair-rule';
export * from './countries';
export * from './plan';
export * from './library';
