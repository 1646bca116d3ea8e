export { PeopleDirectoryPage } from './lib/people-directory.page';
export { PersonPage, MyProfileRedirect } from './lib/person.page';
export { InvitationPage } from './lib/invitation.page';
