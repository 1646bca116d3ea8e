export * from './accounts.entities';
export * from './accounts.module';
export * from './accounts.service';
