import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { config } from '@roundtable/api-config';
import { CurrentAuthorisation, Policy, type Authorisation, type PolicyDeclaration } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { DocumentPublicationDto, PublishedDocumentDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { Request } from 'express';
import { PublishingCommands } from './publishing.commands';
import { PublishingQueries } from './publishing.queries';

export const AUTHORS_MAX = 50;

export class PublishDocumentDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The version to publish (a named version); left out: the document must be final and its current content is frozen as a named version.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'versionId must be a version id' })
  versionId?: string | null;

  @ApiProperty({
    type: [String],
    description: "Person ids named as authors, in order: current members of the document's group.",
  })
  @IsArray({ message: 'authorPersonIds must be a list' })
  @ArrayMaxSize(AUTHORS_MAX, { message: `authorPersonIds may hold at most ${AUTHORS_MAX} people` })
  @IsUUID('all', { each: true, message: 'authorPersonIds must hold person ids' })
  authorPersonIds!: string[];
}

const PUBLISH: PolicyDeclaration = {
  action: 'document.publish',
  resource: { type: 'document', param: 'id' },
  denied: 'Only coordinators publish and unpublish documents.',
};

/**
 * Coordinators publish a document (a frozen version of it) on its public page `/p/{slug}` and withdraw it
 * (ADR 031); whoever reads the document sees where it is published, and the deliverable page sees a
 * project's publications.
 */
@ApiTags('publishing')
@Controller()
export class PublishingController {
  constructor(
    private readonly commands: PublishingCommands,
    private readonly queries: PublishingQueries,
  ) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get('documents/:id/publication')
  @ApiOkResponse({
    description: 'Where the document is published, its publication versions and who may be named as authors.',
  })
  publication(
    @CurrentAuthorisation() { actor, resource }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DocumentPublicationDto> {
    return this.queries.documentPublication(id, can(actor, 'document.publish', resource!.ref));
  }

  @Policy(PUBLISH)
  @Post('documents/:id/publish')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Published: the publication with its new version (the slug is kept from the first publishing).',
  })
  @ApiBadRequestResponse({
    description:
      'versionId is not a version of this document (or missing for a document that is not final), or an author is not a member of its group.',
  })
  @ApiForbiddenResponse({ description: 'Only coordinators publish.' })
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor, resource }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: PublishDocumentDto,
    @Req() request: Request,
  ): Promise<DocumentPublicationDto> {
    const citeBase = config().publicUrl ?? `${request.protocol}://${request.get('host')}`;
    await this.commands.publish(user, id, {
      versionId: body.versionId ?? null,
      authorPersonIds: body.authorPersonIds,
      citeBase,
    });
    return this.queries.documentPublication(id, can(actor, 'document.publish', resource!.ref));
  }

  @Policy(PUBLISH)
  @Post('documents/:id/unpublish')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Withdrawn: the public pages and files of every version answer 410; the slug stays reserved.',
  })
  @ApiForbiddenResponse({ description: 'Only coordinators unpublish.' })
  @ApiConflictResponse({ description: 'The document is not published.' })
  async unpublish(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() { actor, resource }: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DocumentPublicationDto> {
    await this.commands.unpublish(id, user.id);
    return this.queries.documentPublication(id, can(actor, 'document.publish', resource!.ref));
  }

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get('projects/:id/publications')
  @ApiOkResponse({ description: "The project's published (not withdrawn) documents with their slugs." })
  projectPublications(@Param('id', new UuidParamPipe('id')) id: string): Promise<PublishedDocumentDto[]> {
    return this.queries.projectPublications(id);
  }
}
