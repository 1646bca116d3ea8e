import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException, IS_PUBLIC } from '@roundtable/api-platform';
import type { Request } from 'express';
import { AuthService, type AuthenticatedUser } from './auth.service';
import { readCookie, SESSION_COOKIE } from './session-cookie';

type RequestWithUser = Request & { user?: AuthenticatedUser };

/**
 * Global guard: every handler needs a live session unless it is marked @Public(). Public handlers still
 * see the user when a session cookie is present.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const user = await this.auth.userForToken(readCookie(request.headers, SESSION_COOKIE));
    if (user) request.user = user;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic || user) return true;
    throw new ApiException(ErrorCode.Unauthenticated, 'Sign in first.');
  }
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new ApiException(ErrorCode.Unauthenticated, 'Sign in first.');
  return user;
});
