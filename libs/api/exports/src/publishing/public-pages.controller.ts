import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiException, Public } from '@roundtable/api-platform';
import { ErrorCode, type Locale } from '@roundtable/contracts';
import type { Response } from 'express';
import { fontFile } from '../export-fonts';
import { CONTENT_TYPES } from '../export.model';
import { PublicFilesCommand } from './public-files.command';
import { PUBLIC_LOCALES, renderPublicNotice } from './public-page.renderer';
import { PublishingQueries, type PublicPageAnswer } from './publishing.queries';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PUBLIC_FORMATS = ['docx', 'pdf'] as const;
/** Pages change only when published again or withdrawn: caches may keep them a minute (unpublishing is seen within it). */
const PAGE_CACHE = 'public, max-age=60';

/**
 * The public pages of published papers, without login (ADR 031). Served at `/p/…` (bootstrap routes `/p` to
 * `/api/public/p`): the stored static pages, their files, the CJK font subsets they link, and the index.
 * Only published, not withdrawn versions are ever read; anything else is 404 (never published) or 410
 * (withdrawn), as an HTML page.
 */
@ApiTags('public pages')
@Controller('public/p')
export class PublicPagesController {
  constructor(
    private readonly queries: PublishingQueries,
    private readonly files: PublicFilesCommand,
  ) {}

  @Public()
  @Get()
  @ApiQuery({ name: 'lang', required: false, enum: PUBLIC_LOCALES })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The index of publications (what is published and not withdrawn).' })
  async index(@Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const html = await this.queries.index(locale(lang));
    sendHtml(response, 200, html);
  }

  @Public()
  @Get('_fonts/:file')
  @ApiProduces('font/woff2')
  @ApiOkResponse({ description: 'A subset file of the self-hosted CJK font the pages link.' })
  @ApiNotFoundResponse({ description: 'Not one of the font files.' })
  font(@Param('file') file: string, @Res() response: Response): void {
    const bytes = fontFile(file);
    if (!bytes) return sendHtml(response, 404, renderPublicNotice('notFound'));
    response.setHeader('Content-Type', 'font/woff2');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.status(200).end(bytes);
  }

  @Public()
  @Get(':slug')
  @ApiQuery({ name: 'lang', required: false, enum: PUBLIC_LOCALES })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The latest published version of the paper.' })
  @ApiNotFoundResponse({ description: 'No publication has this slug.' })
  @ApiGoneResponse({ description: 'The publication was withdrawn.' })
  async latest(@Param('slug') slug: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const language = locale(lang);
    send(response, SLUG.test(slug) ? await this.queries.page(slug, null, language) : { status: 'missing' });
  }

  @Public()
  @Get(':slug/v/:number')
  @ApiQuery({ name: 'lang', required: false, enum: PUBLIC_LOCALES })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'One published version of the paper (citable; older ones link to the latest).' })
  @ApiNotFoundResponse({ description: 'No publication has this slug, or no such version.' })
  @ApiGoneResponse({ description: 'The publication was withdrawn.' })
  async version(
    @Param('slug') slug: string,
    @Param('number') number: string,
    @Query('lang') lang: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const language = locale(lang);
    const n = versionNumber(number);
    send(response, SLUG.test(slug) ? await this.queries.page(slug, n, language) : { status: 'missing' });
  }

  @Public()
  @Get(':slug/v/:number/download/:format')
  @ApiProduces(CONTENT_TYPES.docx, CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'The published version as DOCX or PDF (no comments), made once and stored.' })
  @ApiNotFoundResponse({ description: 'No publication has this slug, or no such version.' })
  @ApiGoneResponse({ description: 'The publication was withdrawn.' })
  async download(
    @Param('slug') slug: string,
    @Param('number') number: string,
    @Param('format') format: string,
    @Res() response: Response,
  ): Promise<void> {
    const n = versionNumber(number);
    if (!(PUBLIC_FORMATS as readonly string[]).includes(format))
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid format', {
        fields: [
          {
            field: 'format',
            code: 'isIn',
            params: { allowed: PUBLIC_FORMATS.join(', ') },
            message: `format must be one of ${PUBLIC_FORMATS.join(', ')}`,
          },
        ],
      });
    const file = SLUG.test(slug)
      ? await this.files.file(slug, n, format as 'docx' | 'pdf')
      : { status: 'missing' as const };
    if (file.status !== 'ok') return send(response, file);
    response.setHeader('Content-Type', CONTENT_TYPES[format as 'docx' | 'pdf']);
    response.setHeader('Content-Disposition', `attachment; filename="${slug}-v${n}.${format}"`);
    response.setHeader('Cache-Control', PAGE_CACHE);
    response.status(200).end(file.bytes);
  }
}

function locale(lang: unknown): Locale {
  if (lang === undefined) return 'en';
  if (typeof lang === 'string' && (PUBLIC_LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  throw new ApiException(ErrorCode.ValidationFailed, 'Invalid lang', {
    fields: [
      {
        field: 'lang',
        code: 'isIn',
        params: { allowed: PUBLIC_LOCALES.join(', ') },
        message: `lang must be one of ${PUBLIC_LOCALES.join(', ')}`,
      },
    ],
  });
}

function versionNumber(value: string): number {
  const n = /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n))
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid number', {
      fields: [{ field: 'number', code: 'isInt', message: 'number must be a version number (1, 2, …)' }],
    });
  return n;
}

function send(response: Response, answer: PublicPageAnswer | { status: 'missing' | 'withdrawn' }): void {
  if (answer.status === 'ok' && 'html' in answer) return sendHtml(response, 200, answer.html);
  if (answer.status === 'withdrawn') return sendHtml(response, 410, renderPublicNotice('withdrawn'));
  sendHtml(response, 404, renderPublicNotice('notFound'));
}

function sendHtml(response: Response, status: number, html: string): void {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', status === 200 ? PAGE_CACHE : 'no-cache');
  response.status(status).end(html);
}
