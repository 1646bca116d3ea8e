export * from './allowedOrigins';
export * from './api.exception';
export * from './api-exception.filter';
export * from './validation.pipe';
export * from './public.decorator';
export * from './health.controller';
export * from './policy.decorator';
export * from './clock';
