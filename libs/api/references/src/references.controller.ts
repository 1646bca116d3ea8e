import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Policy } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import {
  REFERENCE_IMPORT_FORMATS,
  REFERENCE_IMPORT_MAX_CHARS,
  type ImportedReferencesDto,
  type ReferenceImportFormat,
} from '@roundtable/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ReferencesCommands } from './references.commands';

export class ImportReferencesDto {
  @ApiProperty({ enum: REFERENCE_IMPORT_FORMATS })
  @IsIn(REFERENCE_IMPORT_FORMATS, { message: `format must be one of ${REFERENCE_IMPORT_FORMATS.join(', ')}` })
  format!: ReferenceImportFormat;

  @ApiProperty({ description: 'BibTeX or RIS text (pasted or a file read by the browser), or a DOI.' })
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(REFERENCE_IMPORT_MAX_CHARS, { message: `text must be at most ${REFERENCE_IMPORT_MAX_CHARS} characters` })
  text!: string;
}

/** A document's reference list (ADR 039): imports. Citing, removing and the style are edits of the document. */
@ApiTags('documents')
@Controller('documents')
export class ReferencesController {
  constructor(private readonly commands: ReferencesCommands) {}

  @Policy({ document: 'write', resource: { type: 'document', param: 'id' } })
  @Post(':id/references/import')
  @HttpCode(200)
  @ApiOkResponse({ description: "The references added to the document's reference list, with their ids." })
  @ApiBadRequestResponse({ description: 'The text is not of the format, holds no entry or no DOI (names `text`).' })
  @ApiForbiddenResponse({ description: 'The caller may read but not edit this document.' })
  @ApiConflictResponse({ description: 'DOCUMENT_LOCKED: the document is locked.' })
  import(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ImportReferencesDto,
  ): Promise<ImportedReferencesDto> {
    return this.commands.import(id, body.format, body.text);
  }
}
