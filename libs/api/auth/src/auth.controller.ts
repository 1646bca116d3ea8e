import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { UserDto } from '@roundtable/contracts';
import { Public, Policy } from '@roundtable/api-platform';
import type { Request, Response } from 'express';
import { AuthService, toUserDto, type AuthenticatedUser } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { CurrentUser } from './session.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (the message does not say which).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts from this address for this email.' })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<UserDto> {
    const { token, user } = await this.auth.login(body.email, body.password, request.ip ?? 'unknown');
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(isSecureRequest(request)));
    return toUserDto(user);
  }

  @Policy('self')
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked on the server and the cookie cleared.' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    response.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(isSecureRequest(request)), maxAge: undefined });
  }

  @Policy('self')
  @Get('me')
  @ApiOkResponse({ description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthenticatedUser): UserDto {
    return toUserDto(user);
  }
}
