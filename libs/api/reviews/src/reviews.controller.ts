import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import {
  CurrentAuthorisation,
  PageQueryDto,
  pageInMemory,
  Policy,
  sendPage,
  type Authorisation,
  type PolicyDeclaration,
} from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { ReviewRoundDto, ReviewRoundSummaryDto } from '@roundtable/contracts';
import { attachmentDisposition } from '@roundtable/domain';
import type { Response } from 'express';
import { matrixCsv, matrixDocx } from './response-matrix';
import { DisposeCommentDto, InviteReviewerDto, MatrixQueryDto, OpenReviewRoundDto } from './reviews.dto';
import { ReviewsCommands } from './reviews.commands';
import { ReviewsQueries } from './reviews.queries';

const MANAGE_DENIED = "Only the group's co-chairs and the project's coordinators manage review rounds.";
const MANAGE: PolicyDeclaration = {
  action: 'review.manage',
  resource: { type: 'reviewRound', param: 'id' },
  denied: MANAGE_DENIED,
};
const READ: PolicyDeclaration = { document: 'read', resource: { type: 'reviewRound', param: 'id' } };

@ApiTags('review rounds')
@Controller()
export class ReviewsController {
  constructor(
    private readonly commands: ReviewsCommands,
    private readonly queries: ReviewsQueries,
  ) {}

  @Policy({ action: 'review.manage', resource: { type: 'document', param: 'id' }, denied: MANAGE_DENIED })
  @Post('documents/:id/review-rounds')
  @ApiCreatedResponse({ description: 'The round, on a named version frozen now.' })
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) documentId: string,
    @Body() body: OpenReviewRoundDto,
  ): Promise<ReviewRoundDto> {
    const id = await this.commands.open(documentId, body, user.id);
    return this.queries.round(authorisation, id);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get('documents/:id/review-rounds')
  @ApiOkResponse({ description: "The document's review rounds, newest first." })
  async list(
    @Param('id', new UuidParamPipe('id')) documentId: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewRoundSummaryDto[]> {
    return sendPage(response, pageInMemory(await this.queries.ofDocument(documentId), page));
  }

  @Policy(READ)
  @Get('review-rounds/:id')
  @ApiOkResponse({
    description: 'The round with its comments re-anchored in the live document (reviewers for managers).',
  })
  round(
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<ReviewRoundDto> {
    return this.queries.round(authorisation, id);
  }

  @Policy(MANAGE)
  @Post('review-rounds/:id/reviewers')
  @ApiCreatedResponse({ description: 'Invited: the personal link is e-mailed in their language.' })
  @ApiConflictResponse({ description: 'Already invited, or the round is closed.' })
  async invite(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: InviteReviewerDto,
  ): Promise<ReviewRoundDto> {
    await this.commands.invite(id, body, user.id);
    return this.queries.round(authorisation, id);
  }

  @Policy(MANAGE)
  @Post('review-rounds/:id/reviewers/:reviewerId/resend')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new link e-mailed; the old one no longer works.' })
  async resend(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('reviewerId', new UuidParamPipe('reviewerId')) reviewerId: string,
  ): Promise<ReviewRoundDto> {
    await this.commands.resend(id, reviewerId, user.id);
    return this.queries.round(authorisation, id);
  }

  @Policy(MANAGE)
  @Post('review-rounds/:id/reviewers/:reviewerId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The link and its sessions no longer work.' })
  async revoke(
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('reviewerId', new UuidParamPipe('reviewerId')) reviewerId: string,
  ): Promise<ReviewRoundDto> {
    await this.commands.revoke(id, reviewerId);
    return this.queries.round(authorisation, id);
  }

  @Policy(MANAGE)
  @Post('review-rounds/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Closed now; links stop working.' })
  async close(
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<ReviewRoundDto> {
    await this.commands.close(id);
    return this.queries.round(authorisation, id);
  }

  @Policy({ document: 'write', resource: { type: 'reviewRound', param: 'id' } })
  @Put('review-rounds/:id/comments/:commentId/disposition')
  @ApiOkResponse({ description: 'The disposition, response and change links of one comment.' })
  async dispose(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('commentId', new UuidParamPipe('commentId')) commentId: string,
    @Body() body: DisposeCommentDto,
  ): Promise<ReviewRoundDto> {
    await this.commands.dispose(id, commentId, body, user.id);
    return this.queries.round(authorisation, id);
  }

  @Policy(MANAGE)
  @Post('review-rounds/:id/respond')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Responded; reviewers are e-mailed a link to their comments and the responses.' })
  @ApiConflictResponse({ description: 'Not closed, or a comment has no disposition (ILLEGAL_TRANSITION).' })
  async respond(
    @CurrentAuthorisation() authorisation: Authorisation,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<ReviewRoundDto> {
    await this.commands.respond(id);
    return this.queries.round(authorisation, id);
  }

  @Policy(READ)
  @Get('review-rounds/:id/matrix.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The response matrix as CSV (UTF-8 with BOM, formulas neutralised).' })
  async csv(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: MatrixQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { round, comments } = await this.queries.matrix(id);
    const body = Buffer.from(matrixCsv(comments, query.lang ?? 'en'), 'utf8');
    attachment(response, `${round.name} – response matrix.csv`, 'text/csv; charset=utf-8', body);
  }

  @Policy(READ)
  @Get('review-rounds/:id/matrix.docx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ description: 'The response matrix as a Word document.' })
  async docx(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: MatrixQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { round, titles, comments } = await this.queries.matrix(id);
    const lang = query.lang ?? 'en';
    const documentTitle = lang === 'zh-CN' ? titles.titleZh : titles.title;
    const body = await matrixDocx({ documentTitle, roundName: round.name }, comments, lang);
    attachment(
      response,
      `${round.name} – response matrix.docx`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body,
    );
  }
}

/** A download: an attachment of a fixed type, never sniffed or rendered inline under our origin. */
export function attachment(response: Response, fileName: string, type: string, body: Buffer): void {
  response
    .status(200)
    .set({
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Content-Disposition': attachmentDisposition(fileName.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, ' ')),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
    })
    .end(body);
}
