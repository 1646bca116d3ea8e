import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@roundtable/api-platform';

/** The documents list's query: a page (ADR 029), optionally of one working group. */
export class DocumentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string;
}
