export * from './projects.entities';
export * from './projects.module';
export * from './access.service';
export * from './uuid-param.pipe';
export * from './access.events';
export * from './memberships/memberships.service';
export { presentDocument } from './projects.presenters';
export * from './document-owners';
