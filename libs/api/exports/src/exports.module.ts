import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { CommentsModule } from '@roundtable/api-comments';
import { ProjectsModule } from '@roundtable/api-projects';
import { VersionsModule } from '@roundtable/api-versions';
import { ExportDocumentCommand } from './export-document.command';
import { PdfRenderer } from './export-pdf.renderer';
import { ExportSourceQuery } from './export-source.query';
import { ExportsController } from './exports.controller';

@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule, VersionsModule, CommentsModule],
  controllers: [ExportsController],
  providers: [ExportSourceQuery, ExportDocumentCommand, PdfRenderer],
  exports: [PdfRenderer],
})
export class ExportsModule {}
