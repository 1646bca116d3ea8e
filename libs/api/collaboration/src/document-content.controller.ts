import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, UuidParamPipe } from '@roundtable/api-projects';
import { DocumentContentService, type DocumentContent } from './document-content.service';

@ApiTags('documents')
@Controller('documents')
export class DocumentContentController {
  constructor(private readonly access: AccessService, private readonly content: DocumentContentService) {}

  @Policy('document')
  @Get(':id/content')
  @ApiOkResponse({ description: 'The document rendered to HTML and plain text from its stored Yjs state.' })
  @ApiNotFoundResponse({ description: 'Unknown document, or one the caller may not read.' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<DocumentContent> {
    await this.access.documentAccessFor(user, id);
    return this.content.render(id);
  }
}
