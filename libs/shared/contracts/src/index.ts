export * from './error-codes';
export * from './close-codes';
export * from './dto';
export * from './membership';
export * from './comments';
export * from './versions';
export * from './plan';
export * from './library';
