import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIBRARY_LIMITS } from '@roundtable/contracts';
import { PageQueryDto } from '@roundtable/api-platform';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/** The list's query: a page (ADR 029) and the filters (their rules in `listQuery`, library.input.ts). */
export class LibraryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Searches name, description and tags.' })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  q?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_LIMITS.tagMax })
  @IsOptional()
  @IsString({ message: 'tag must be text' })
  tag?: string;

  @ApiPropertyOptional({ description: 'A working group id, or "project" for project-level files only.' })
  @IsOptional()
  @IsString({ message: 'workingGroupId must be a working group id or "project"' })
  workingGroupId?: string;
}

export class UpdateLibraryFileDto {
  @ApiPropertyOptional({ maxLength: LIBRARY_LIMITS.descriptionMax })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(LIBRARY_LIMITS.descriptionMax, {
    message: `description must be at most ${LIBRARY_LIMITS.descriptionMax} characters`,
  })
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `At most ${LIBRARY_LIMITS.tagsMax} tags; normalised to lower case.`,
  })
  @IsOptional()
  @IsArray({ message: 'tags must be a list' })
  // Generous here so that normaliseTags (duplicates dropped first) gives the precise message.
  @ArrayMaxSize(100, { message: `at most ${LIBRARY_LIMITS.tagsMax} tags` })
  @IsString({ each: true, message: 'each tag must be text' })
  tags?: string[];
}

/** OpenAPI bodies of the multipart uploads (multer parses them; `library.input.ts` checks the fields). */
export const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary' },
      description: { type: 'string', maxLength: LIBRARY_LIMITS.descriptionMax },
      tags: { type: 'string', description: 'comma-separated' },
    },
  },
};

export const VERSION_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary' },
      note: { type: 'string', maxLength: LIBRARY_LIMITS.versionNoteMax, description: 'What changed' },
    },
  },
};
