export * from './mail.entities';
export * from './mail.module';
export * from './mail.service';
