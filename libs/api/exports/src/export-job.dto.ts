import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, type ExportFormat } from '@roundtable/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** The body of `POST /api/documents/:id/export-jobs`. */
export class StartExportJobDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A version of the document; left out: the current document.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'versionId must be a version id of this document' })
  versionId?: string | null;
}
