import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { SessionDto, UserDto } from '@roundtable/contracts';
import { clientAddress, InjectProxyTrust, Public, Policy, type ProxyTrust } from '@roundtable/api-platform';
import type { Request, Response } from 'express';
import { AuthService, toUserDto, type AuthenticatedUser } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { CurrentUser } from './session.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (the message does not say which).' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts: for this email from this address, from this address, or for this email from anywhere.',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const { token, user } = await this.auth.login(body.email, body.password, clientAddress(request, this.proxyTrust));
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(isSecureRequest(request)));
    return toUserDto(user);
  }

  @Policy('self')
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'The session is revoked on the server and the cookie cleared; its collaboration sockets close with 4440.',
  })
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    clearSessionCookie(request, response);
  }

  @Policy('self')
  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Every session of the account, this one included, is revoked; their sockets close with 4440.',
  })
  async logoutEverywhere(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.endSessionsOf(user.id);
    clearSessionCookie(request, response);
  }

  /**
   * The session probe the web app makes on every start: an anonymous visitor is a normal state, not an
   * error, so it answers 200 with `user: null` instead of the 401 /me gives (which browsers log).
   */
  @Public()
  @Get('session')
  @ApiOkResponse({ description: 'The signed-in user, or `user: null` without a live session.' })
  session(@Req() request: Request & { user?: AuthenticatedUser }): SessionDto {
    return { user: request.user ? toUserDto(request.user) : null };
  }

  @Policy('self')
  @Get('me')
  @ApiOkResponse({ description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthenticatedUser): UserDto {
    return toUserDto(user);
  }
}

function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(isSecureRequest(request)), maxAge: undefined });
}
