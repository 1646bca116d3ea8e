import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  isSecureRequest,
  SESSION_COOKIE,
  sessionCookieOptions,
  type AuthenticatedUser,
} from '@roundtable/api-auth';
import {
  ApiException,
  clientAddress,
  InjectProxyTrust,
  looksLikeLinkToken,
  Policy,
  Public,
  type ProxyTrust,
} from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import { ErrorCode, type DataExportDto, type MyPrivacyDto, type PrivacyNoticeDto } from '@roundtable/contracts';
import type { Request, Response } from 'express';
import { ErasureCommand } from './erasure.command';
import { CURRENT_NOTICE_VERSION, privacyNotice } from './privacy-notice';
import { PrivacyCommands } from './privacy.commands';
import { ConsentBody, ErasureBody, NoticeQuery } from './privacy.dto';
import { PrivacyQueries } from './privacy.queries';

/** The notice (public), one's consents, exports and erasure (each the caller's own: `'self'`). */
@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly commands: PrivacyCommands,
    private readonly queries: PrivacyQueries,
    private readonly erasure: ErasureCommand,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

  @Public()
  @Get('privacy/notice')
  @ApiOkResponse({ description: 'The current privacy notice in Markdown, in English or Chinese (`lang`).' })
  notice(@Query() query: NoticeQuery): PrivacyNoticeDto {
    const locale = query.lang ?? 'en';
    return { version: CURRENT_NOTICE_VERSION, locale, markdown: privacyNotice(locale) };
  }

  @Policy('self')
  @Get('me/privacy')
  @ApiOkResponse({ description: 'The caller’s answer for every purpose and the notice version in force.' })
  mine(@CurrentUser() user: AuthenticatedUser): Promise<MyPrivacyDto> {
    return this.queries.mine(user.id);
  }

  @Policy('self')
  @Put('me/consents')
  @ApiOkResponse({ description: 'Gives or withdraws one consent; what a withdrawal changes is done at once.' })
  async setConsent(@CurrentUser() user: AuthenticatedUser, @Body() body: ConsentBody): Promise<MyPrivacyDto> {
    await this.commands.setConsent(user, body.purpose, body.granted);
    return this.queries.mine(user.id);
  }

  @Policy('self')
  @Get('me/data-exports')
  @ApiOkResponse({ description: 'The caller’s recent exports of their data (newest first, at most 20).' })
  exports(@CurrentUser() user: AuthenticatedUser): Promise<DataExportDto[]> {
    return this.queries.exports(user.id);
  }

  @Policy('self')
  @Post('me/data-exports')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Queued: a job builds the ZIP. `downloadUrl` (only here) is valid 7 days.' })
  requestExport(@CurrentUser() user: AuthenticatedUser): Promise<DataExportDto> {
    return this.commands.requestExport(user);
  }

  @Policy('self')
  @Get('me/data-exports/:id')
  @ApiOkResponse({ description: 'One of the caller’s exports (404 for anyone else’s).' })
  export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DataExportDto> {
    return this.queries.export(user.id, id);
  }

  @Policy('self')
  @Get('me/data-exports/:id/download')
  @Header('Content-Type', 'application/zip')
  @Header('Content-Disposition', 'attachment; filename="roundtable-my-data.zip"')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/zip')
  @ApiConflictResponse({ description: 'Not built yet.' })
  async downloadOwn(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.commands.download({ id, userId: user.id }));
  }

  @Policy('self')
  @Post('me/data-exports/:id/revoke')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The link stops working and the file is deleted.' })
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<void> {
    await this.commands.revokeExport(user, id);
  }

  /** The secret link (the token is the credential, like a calendar feed's). */
  @Public()
  @Get('data-exports/:token/download')
  @Header('Content-Type', 'application/zip')
  @Header('Content-Disposition', 'attachment; filename="roundtable-my-data.zip"')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiProduces('application/zip')
  @ApiNotFoundResponse({ description: 'Unknown, revoked or expired link.' })
  async download(@Param('token') token: string): Promise<StreamableFile> {
    if (!looksLikeLinkToken(token))
      throw new ApiException(ErrorCode.NotFound, 'This export link is unknown, revoked or expired.');
    return new StreamableFile(await this.commands.download({ token }));
  }

  @Policy('self')
  @Post('me/erasure')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The account is erased (pseudonymised); every session ends and the cookie is cleared.',
  })
  async erase(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ErasureBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ formerMember: number }> {
    const result = await this.erasure.erase(user, body.password, clientAddress(request, this.proxyTrust));
    response.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(isSecureRequest(request)), maxAge: undefined });
    return result;
  }
}
