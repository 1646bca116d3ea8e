import { InitialSchema1764345600000 } from './1764345600000-initial-schema';
import { WorkingGroupsMembership1764432000000 } from './1764432000000-working-groups-membership';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764345600000, WorkingGroupsMembership1764432000000];
