import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type {
  ApplicationConfirmationDto,
  ApplicationDto,
  ExpertCallDto,
  SubmitApplicationResponse,
} from '@roundtable/contracts';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import {
  clientAddress,
  CurrentAuthorisation,
  InjectProxyTrust,
  Policy,
  Public,
  type Authorisation,
  type ProxyTrust,
  PageQueryDto,
  pageInMemory,
  sendPage,
} from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Request, Response } from 'express';
import {
  DecideApplicationDto,
  DeclareConflictDto,
  ReviewApplicationDto,
  SubmitApplicationDto,
} from './applications.dto';
import { ApplicationsCommands } from './applications.commands';
import { ApplicationsQueries } from './applications.queries';
import { CallsService } from './calls.service';

/** What anyone may do without an account: read a call and apply to it. */
@ApiTags('open-call (public)')
@Controller('public/calls')
export class PublicCallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly applications: ApplicationsCommands,
    @InjectProxyTrust() private readonly proxyTrust: ProxyTrust,
  ) {}

  @Public()
  @Get(':id')
  @ApiOkResponse({ description: 'The call, open or closed.' })
  @ApiNotFoundResponse({ description: 'Unknown call.' })
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<ExpertCallDto> {
    return this.calls.getPublic(id);
  }

  @Public()
  @Post(':id/applications')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'Submission kept and a confirmation link mailed to its address: always { status: "confirmation-sent" }, whether or not the ' +
      'email applied before (and for the honeypot). Only opening the link creates or replaces the application.',
  })
  @ApiBadRequestResponse({ description: 'Invalid fields (each named); consents must be true.' })
  @ApiNotFoundResponse({ description: 'Unknown call.' })
  @ApiGoneResponse({ description: 'The call is closed (CALL_CLOSED).' })
  @ApiTooManyRequestsResponse({
    description: 'Too many applications from this address in the last hour (Retry-After).',
  })
  submit(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: SubmitApplicationDto,
    @Req() request: Request,
  ): Promise<SubmitApplicationResponse> {
    return this.applications.submit(id, body, clientAddress(request, this.proxyTrust));
  }
}

/** The link in the confirmation mail: proof of the email address, so it may create or replace that address's application. */
@ApiTags('open-call (public)')
@Controller('public/application-confirmations')
export class ApplicationConfirmationsController {
  constructor(private readonly applications: ApplicationsCommands) {}

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The submission is now the application for its email: { callId, replaced }.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked link (a later confirmation for the same email revoked it).' })
  @ApiConflictResponse({
    description: 'Already confirmed (CONFIRMATION_USED), or the application was already decided (CONFLICT).',
  })
  @ApiGoneResponse({ description: 'The link expired (CONFIRMATION_EXPIRED).' })
  confirm(@Param('token') token: string): Promise<ApplicationConfirmationDto> {
    return this.applications.confirm(token);
  }
}

@ApiTags('open-call')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly queries: ApplicationsQueries,
    private readonly commands: ApplicationsCommands,
  ) {}

  @Policy({ read: { type: 'call', param: 'id' } })
  @Get('calls/:id/applications')
  @ApiOkResponse({
    description: 'Applications the caller may review: all for coordinators, their groups’ for co-chairs.',
  })
  @ApiNotFoundResponse({ description: 'Unknown call, or one of a project the caller does not belong to.' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationDto[]> {
    return sendPage(response, pageInMemory(await this.queries.listForCall(actor, user.id, id), page));
  }

  @Policy({ action: 'application.review', resource: { type: 'application', param: 'id' } })
  @Post('applications/:id/reviews')
  @ApiCreatedResponse({ description: 'Review added; the application with its reviews.' })
  @ApiOkResponse({ description: 'The caller’s earlier review was replaced.' })
  @ApiNotFoundResponse({ description: 'Unknown application, or one the caller may not review.' })
  async review(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ReviewApplicationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationDto> {
    const created = await this.commands.review(user.id, await this.queries.reviewable(actor, id), body);
    response.status(created ? 201 : 200);
    return this.queries.one(id, user.id);
  }

  @Policy({ action: 'application.review', resource: { type: 'application', param: 'id' } })
  @Post('applications/:id/conflict')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The caller declared a conflict of interest (stored, shown to the coordinators); their review is withdrawn and they can no longer review or decide this application (409 CONFLICT_OF_INTEREST).',
  })
  @ApiNotFoundResponse({ description: 'Unknown application, or one the caller may not review.' })
  async declareConflict(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DeclareConflictDto,
  ): Promise<ApplicationDto> {
    await this.commands.declareConflict(user.id, await this.queries.reviewable(actor, id), body);
    return this.queries.one(id, user.id);
  }

  @Policy({ action: 'application.review', resource: { type: 'application', param: 'id' } })
  @Post('applications/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Accepted (an invitation to the working group is sent) or declined (a polite mail is sent).',
  })
  @ApiBadRequestResponse({
    description: 'workingGroupId missing when accepting, or not one of the application’s or call’s groups.',
  })
  @ApiForbiddenResponse({ description: 'The caller may not accept into that working group.' })
  @ApiNotFoundResponse({ description: 'Unknown application, or one the caller may not review.' })
  @ApiConflictResponse({ description: 'Already decided.' })
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: DecideApplicationDto,
  ): Promise<ApplicationDto> {
    await this.commands.decide(user.id, actor, await this.queries.reviewable(actor, id), body);
    return this.queries.one(id, user.id);
  }
}
