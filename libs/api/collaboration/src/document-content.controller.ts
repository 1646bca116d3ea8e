import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { Policy } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import { DocumentContentService, type DocumentContent } from './document-content.service';

class AppendParagraphsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'paragraphs must contain at least one paragraph' })
  @ArrayMaxSize(200, { message: 'paragraphs takes at most 200 paragraphs' })
  @IsString({ each: true, message: 'each paragraph must be text' })
  @MaxLength(20_000, { each: true, message: 'each paragraph must be at most 20000 characters' })
  paragraphs!: string[];
}

@ApiTags('documents')
@Controller('documents')
export class DocumentContentController {
  constructor(private readonly content: DocumentContentService) {}

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id/content')
  @ApiOkResponse({ description: 'The document rendered to HTML and plain text from its stored Yjs state.' })
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  async get(@Param('id', new UuidParamPipe('id')) id: string): Promise<DocumentContent> {
    return this.content.render(id);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id/content.md')
  @Header('Content-Type', 'text/markdown; charset=utf-8')
  @ApiOkResponse({ description: 'The document as Markdown, rendered on the server from the shared schema.' })
  async markdown(@Param('id', new UuidParamPipe('id')) id: string): Promise<string> {
    return (await this.content.render(id)).markdown;
  }

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post(':id/paragraphs')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Appended as a Yjs update to the live document (stored, then relayed to editors).' })
  @ApiForbiddenResponse({ description: 'The caller may read but not edit this document.' })
  @ApiConflictResponse({ description: 'DOCUMENT_LOCKED: the document is locked.' })
  async append(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AppendParagraphsDto,
  ): Promise<DocumentContent> {
    return this.content.appendParagraphs(id, body.paragraphs);
  }
}
