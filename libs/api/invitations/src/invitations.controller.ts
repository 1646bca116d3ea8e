import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { InvitationDto, InvitationPreviewDto, UserDto } from '@roundtable/contracts';
import { Policy, Public, type PolicyDeclaration, PageQueryDto, pageInMemory, sendPage } from '@roundtable/api-platform';
import {
  CurrentUser,
  isSecureRequest,
  SESSION_COOKIE,
  sessionCookieOptions,
  toUserDto,
  type AuthenticatedUser,
} from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Request, Response } from 'express';
import { AcceptInvitationDto, CreateInvitationDto } from './invitations.dto';
import { InvitationsCommands } from './invitations.commands';
import { InvitationsQueries } from './invitations.queries';

const INVITE: PolicyDeclaration = {
  action: 'invitation.create',
  resource: { type: 'workingGroup', param: 'id' },
  denied: "Only the group's co-chairs and the project's coordinators manage its invitations.",
};

@ApiTags('invitations')
@Controller('working-groups/:id/invitations')
export class WorkingGroupInvitationsController {
  constructor(
    private readonly queries: InvitationsQueries,
    private readonly commands: InvitationsCommands,
  ) {}

  @Policy(INVITE)
  @Post()
  @ApiCreatedResponse({ description: 'Invitation stored and its link e-mailed (or kept in the outbox).' })
  @ApiForbiddenResponse({ description: "Only the group's co-chairs and the project's coordinators invite." })
  @ApiConflictResponse({ description: 'Already a member, or a pending invitation exists for this email and group.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) workingGroupId: string,
    @Body() body: CreateInvitationDto,
  ): Promise<InvitationDto> {
    return this.commands.createInvitation({
      workingGroupId,
      email: body.email,
      role: body.role,
      displayName: body.displayName ?? null,
      invitedByUserId: user.id,
    });
  }

  @Policy(INVITE)
  @Get()
  @ApiOkResponse({ description: "The group's invitations, newest first, with their status." })
  async list(
    @Param('id', new UuidParamPipe('id')) workingGroupId: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvitationDto[]> {
    return sendPage(response, pageInMemory(await this.queries.listFor(workingGroupId), page));
  }
}

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly queries: InvitationsQueries,
    private readonly commands: InvitationsCommands,
  ) {}

  @Policy({
    action: 'invitation.create',
    resource: { type: 'invitation', param: 'id' },
    denied: "Only the group's co-chairs and the project's coordinators manage its invitations.",
  })
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; the link no longer works.' })
  @ApiConflictResponse({ description: 'Already accepted.' })
  revoke(@Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    return this.commands.revoke(id);
  }

  @Public()
  @Get('by-token/:token')
  @ApiOkResponse({ description: 'What the invitation is for, and whether an account with its email exists.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked link.' })
  @ApiGoneResponse({ description: 'Expired (INVITATION_EXPIRED).' })
  @ApiConflictResponse({ description: 'Already used (INVITATION_USED).' })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.queries.preview(token);
  }

  @Public()
  @Post('by-token/:token/accept')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Joined the group; a new account is created and signed in (session cookie set).' })
  @ApiForbiddenResponse({
    description:
      'An account with the invited email exists and the caller is not signed in as it (INVITATION_EMAIL_MISMATCH).',
  })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Req() request: Request & { user?: AuthenticatedUser },
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ user: UserDto; workingGroupId: string }> {
    const accepted = await this.commands.accept(token, body, request.user ?? null);
    if (accepted.sessionToken)
      response.cookie(SESSION_COOKIE, accepted.sessionToken, sessionCookieOptions(isSecureRequest(request)));
    return { user: toUserDto(accepted.user), workingGroupId: accepted.workingGroupId };
  }
}
