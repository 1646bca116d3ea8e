import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { clientAddress, InjectProxyTrust, Policy, Public, type ProxyTrust } from '@roundtable/api-platform';
import type { Request } from 'express';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('auth')
@Controller('auth')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

  @Policy('self')
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Password changed; every other session of the account has ended (their sockets close with 4440).',
  })
  @ApiBadRequestResponse({
    description: 'currentPassword is wrong, or newPassword breaks the password policy (the field is named).',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords (counted with failed sign-ins).' })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    await this.accounts.changePassword(user, body, clientAddress(request, this.proxyTrust));
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'Always, for any email: if it has an account, a reset link valid for one hour is mailed to it.',
  })
  @ApiTooManyRequestsResponse({
    description: 'TOO_MANY_ATTEMPTS: too many reset requests from this client address in the last hour (Retry-After).',
  })
  async requestReset(@Body() body: PasswordResetRequestDto, @Req() request: Request): Promise<Record<string, never>> {
    await this.accounts.requestReset(body.email, clientAddress(request, this.proxyTrust));
    return {};
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Password set; every session of the account has ended. Sign in with the new password.',
  })
  @ApiBadRequestResponse({ description: 'password breaks the password policy (named).' })
  @ApiGoneResponse({ description: 'RESET_LINK_INVALID: the link is unknown, used or expired.' })
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.accounts.confirmReset(body);
  }
}
