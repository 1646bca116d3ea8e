export * from './chromium.lookup';
