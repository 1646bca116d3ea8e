import { PlatformRole, type UserDto } from '@roundtable/contracts';

/** Coordinators and admins run the project: they manage every group, calls, balance and the outbox. */
export function canCoordinate(user: Pick<UserDto, 'platformRole'> | null | undefined): boolean {
  return user?.platformRole === PlatformRole.Admin || user?.platformRole === PlatformRole.Coordinator;
}
