export * from './open-call.entities';
export * from './open-call.module';
export * from './calls.service';
export * from './applications.service';
export * from './open-call.presenters';
