export * from './open-call.entities';
export * from './open-call.module';
export * from './calls.service';
export * from './applications.commands';
export { ApplicationsQueries, type Reviewable } from './applications.queries';
export * from './open-call.presenters';
export { eraseApplicationsOf, forgetApplicantAddressesBefore } from './open-call.personal-data';
