import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  RecommendationCreatedDto,
  RecommendationDetailDto,
  RecommendationDto,
  RecommendationPairDto,
} from '@roundtable/contracts';
import { CurrentAuthorisation, PageQueryDto, Policy, sendPage, type Authorisation } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { Response } from 'express';
import {
  CreateRecommendationDto,
  DecidePairDto,
  MergePairDto,
  MoveRecommendationDto,
  RecommendationExportQueryDto,
  RecommendationListQueryDto,
  UpdateRecommendationDto,
} from './recommendations.dto';
import { RecommendationsCommands } from './recommendations.commands';
import { RecommendationsQueries } from './recommendations.queries';

const DECIDE_DENIED =
  'Only the co-chairs of either paper’s working group and the coordinators decide on candidate pairs.';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The recommendations registry (issue 16, ADR 042): read by everyone in the project. */
@ApiTags('recommendations')
@Controller()
export class RecommendationsController {
  constructor(
    private readonly queries: RecommendationsQueries,
    private readonly commands: RecommendationsCommands,
  ) {}

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/recommendations')
  @ApiOkResponse({
    description:
      'One page of every recommendation of every paper (`X-Next-Cursor` when more follow), by paper and order in it; filters by working group, paper, addressee, horizon and status; `q` searches English and Chinese.',
  })
  async list(
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query() query: RecommendationListQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecommendationDto[]> {
    const { limit, cursor, ...filters } = query;
    return sendPage(response, await this.queries.list(projectId, filters, { limit, cursor }));
  }

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/recommendations/export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="recommendations.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The registry as CSV (UTF-8 with BOM; formulas neutralised).' })
  csv(
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query() query: RecommendationExportQueryDto,
  ): Promise<string> {
    return this.queries.csv(projectId, query);
  }

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/recommendations/export.docx')
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ description: 'The registry as a Word table.' })
  async docx(
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query() query: RecommendationExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const bytes = await this.queries.docx(projectId, query);
    response.setHeader('Content-Type', DOCX_TYPE);
    response.setHeader('Content-Disposition', 'attachment; filename="recommendations.docx"');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(bytes);
  }

  @Policy({ read: { type: 'project', param: 'projectId' } })
  @Get('projects/:projectId/recommendations/duplicates')
  @ApiOkResponse({
    description:
      'The candidate pairs still to settle (recommendations of different papers whose texts are alike): those marked duplicate but not merged first, then the undecided ones, best score first, with their trigram and shared-word scores.',
  })
  async duplicates(
    @CurrentAuthorisation() { actor }: Authorisation,
    @Param('projectId', new UuidParamPipe('projectId')) projectId: string,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecommendationPairDto[]> {
    return sendPage(response, await this.queries.duplicates(actor, projectId, query));
  }

  @Policy({ read: { type: 'recommendation', param: 'id' } })
  @Get('recommendations/:id')
  @ApiOkResponse({
    description: 'A recommendation with its history (which version introduced or changed it) and merged sources.',
  })
  detail(@Param('id', new UuidParamPipe('id')) id: string): Promise<RecommendationDetailDto> {
    return this.queries.detail(id);
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post('documents/:id/recommendations')
  @ApiCreatedResponse({
    description:
      'Inserts a recommendation block (a Yjs update through the live document, relayed to co-authors); the registry follows once it is stored.',
  })
  async create(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: CreateRecommendationDto,
  ): Promise<RecommendationCreatedDto> {
    const { beforeId, ...fields } = body;
    return { id: await this.commands.insert(id, fields, beforeId ?? null) };
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Patch('documents/:id/recommendations/:recommendationId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The given fields changed in the document.' })
  async update(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('recommendationId', new UuidParamPipe('recommendationId')) recommendationId: string,
    @Body() body: UpdateRecommendationDto,
  ): Promise<void> {
    await this.commands.update(id, recommendationId, body);
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post('documents/:id/recommendations/:recommendationId/move')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Moved before another recommendation of the document, or to its end.' })
  async move(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('recommendationId', new UuidParamPipe('recommendationId')) recommendationId: string,
    @Body() body: MoveRecommendationDto,
  ): Promise<void> {
    await this.commands.move(id, recommendationId, body.beforeId ?? null);
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Delete('documents/:id/recommendations/:recommendationId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The block is deleted from the document; the registry keeps it as removed.' })
  async remove(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('recommendationId', new UuidParamPipe('recommendationId')) recommendationId: string,
  ): Promise<void> {
    await this.commands.remove(id, recommendationId);
  }

  @Policy({
    action: 'recommendation.decide',
    resource: { type: 'recommendationPair', param: 'pairId' },
    denied: DECIDE_DENIED,
  })
  @Post('recommendation-pairs/:pairId/decision')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The pair is marked duplicate, related or distinct.' })
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pairId', new UuidParamPipe('pairId')) pairId: string,
    @Body() body: DecidePairDto,
  ): Promise<void> {
    await this.commands.decide(pairId, body.decision, user.id);
  }

  @Policy({
    action: 'recommendation.decide',
    resource: { type: 'recommendationPair', param: 'pairId' },
    denied: DECIDE_DENIED,
  })
  @Post('recommendation-pairs/:pairId/merge')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The other recommendation is merged into the canonical one, which keeps both sources.',
  })
  async merge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pairId', new UuidParamPipe('pairId')) pairId: string,
    @Body() body: MergePairDto,
  ): Promise<RecommendationDetailDto> {
    await this.commands.merge(pairId, body.canonicalId, user.id);
    return this.queries.detail(body.canonicalId);
  }
}
