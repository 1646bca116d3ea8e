import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { isSecureRequest, readCookie, type AuthenticatedUser } from '@roundtable/api-auth';
import { Public } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import type { ReviewerViewDto, ReviewSessionDto } from '@roundtable/contracts';
import type { Request, Response } from 'express';
import { REVIEW_COOKIE, REVIEW_COOKIE_PATH, ReviewerAccess } from './reviewer.access';
import { ReviewerCommands } from './reviewer.commands';
import { attachment } from './reviews.controller';
import {
  ReviewAnswersDto,
  ReviewCommentInputDto,
  ReviewFileParamDto,
  ReviewTokenDto,
  SubmitReviewDto,
} from './reviews.dto';
import { ReviewerFiles, ReviewsQueries } from './reviews.queries';

type ReviewerRequest = Request & { user?: AuthenticatedUser };

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * The reviewers' routes (ADR 041). `@Public()`: an outside reviewer has no account, so `ReviewerAccess`
 * checks the reviewer session cookie (made from the personal link) — or a member's own session — for the
 * round in the path, and nothing else: any other round, document or version is out of reach.
 */
@ApiTags('reviewing')
@Controller('review')
export class ReviewerController {
  constructor(
    private readonly access: ReviewerAccess,
    private readonly commands: ReviewerCommands,
    private readonly queries: ReviewsQueries,
    private readonly files: ReviewerFiles,
  ) {}

  @Public()
  @Post('sessions')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The link swapped for a short reviewer session (cookie); go to the round.' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked link.' })
  @ApiGoneResponse({ description: 'The link has expired (the round closed).' })
  async start(
    @Body() body: ReviewTokenDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewSessionDto> {
    const session = await this.commands.startSession(body.token);
    response.cookie(REVIEW_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecureRequest(request),
      path: REVIEW_COOKIE_PATH,
      expires: session.expiresAt,
    });
    return { roundId: session.roundId };
  }

  @Public()
  @Post('sessions/end')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The reviewer session ended.' })
  async end(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.commands.endSession(readCookie(request.headers, REVIEW_COOKIE));
    response.clearCookie(REVIEW_COOKIE, { path: REVIEW_COOKIE_PATH });
  }

  @Public()
  @Get('rounds/:roundId')
  @ApiOkResponse({ description: 'The frozen version, instructions, questionnaire and the reviewer’s own comments.' })
  @ApiUnauthorizedResponse({ description: 'No reviewer session and not signed in.' })
  @ApiNotFoundResponse({ description: 'Not this reviewer’s round.' })
  async view(
    @Req() request: ReviewerRequest,
    @Param('roundId', new UuidParamPipe('roundId')) roundId: string,
  ): Promise<ReviewerViewDto> {
    return this.queries.reviewerView(await this.access.resolve(request, roundId));
  }

  @Public()
  @Get('rounds/:roundId/files/:format')
  @ApiProduces(CONTENT_TYPES.docx, CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'The frozen version as DOCX or PDF, without comments.' })
  async file(
    @Req() request: ReviewerRequest,
    @Param() params: ReviewFileParamDto,
    @Res() response: Response,
  ): Promise<void> {
    const identity = await this.access.resolve(request, params.roundId);
    const { bytes, title } = await this.files.file(identity.round, params.format);
    attachment(response, `${title} (${identity.round.name}).${params.format}`, CONTENT_TYPES[params.format], bytes);
  }

  @Public()
  @Post('rounds/:roundId/comments')
  @ApiOkResponse({ description: 'Comment added; the reviewer’s view again.' })
  async comment(
    @Req() request: ReviewerRequest,
    @Param('roundId', new UuidParamPipe('roundId')) roundId: string,
    @Body() body: ReviewCommentInputDto,
  ): Promise<ReviewerViewDto> {
    const identity = await this.access.resolve(request, roundId);
    await this.commands.comment(identity, body);
    return this.queries.reviewerView(await this.access.resolve(request, roundId));
  }

  @Public()
  @Delete('rounds/:roundId/comments/:commentId')
  @ApiOkResponse({ description: 'Own comment withdrawn while the round is open.' })
  async deleteComment(
    @Req() request: ReviewerRequest,
    @Param('roundId', new UuidParamPipe('roundId')) roundId: string,
    @Param('commentId', new UuidParamPipe('commentId')) commentId: string,
  ): Promise<ReviewerViewDto> {
    await this.commands.deleteComment(await this.access.resolve(request, roundId), commentId);
    return this.queries.reviewerView(await this.access.resolve(request, roundId));
  }

  @Public()
  @Put('rounds/:roundId/answers')
  @ApiOkResponse({ description: 'The questionnaire answers saved.' })
  async answer(
    @Req() request: ReviewerRequest,
    @Param('roundId', new UuidParamPipe('roundId')) roundId: string,
    @Body() body: ReviewAnswersDto,
  ): Promise<ReviewerViewDto> {
    await this.commands.answer(await this.access.resolve(request, roundId), body);
    return this.queries.reviewerView(await this.access.resolve(request, roundId));
  }

  @Public()
  @Post('rounds/:roundId/submit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Submitted (changes stay possible until the round closes).' })
  async submit(
    @Req() request: ReviewerRequest,
    @Param('roundId', new UuidParamPipe('roundId')) roundId: string,
    @Body() body: SubmitReviewDto,
  ): Promise<ReviewerViewDto> {
    await this.commands.submit(await this.access.resolve(request, roundId), body);
    return this.queries.reviewerView(await this.access.resolve(request, roundId));
  }
}
