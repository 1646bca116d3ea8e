import { PublicationAuthorsCommand } from './publishing/publication-authors.command';
import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { CommentsModule } from '@roundtable/api-comments';
import { LibraryModule } from '@roundtable/api-library';
import { ProjectsModule } from '@roundtable/api-projects';
import { SuggestionsModule } from '@roundtable/api-suggestions';
import { VersionsModule } from '@roundtable/api-versions';
import { ExportDocumentCommand } from './export-document.command';
import { PdfRenderer } from './export-pdf.renderer';
import { ExportSourceQuery } from './export-source.query';
import { ExportsController } from './exports.controller';
import { ExportJobsCommands } from './export-jobs.commands';
import { ExportJobsQueries } from './export-jobs.queries';
import { PublicFilesCommand } from './publishing/public-files.command';
import { PublicPagesController } from './publishing/public-pages.controller';
import { PublishingCommands } from './publishing/publishing.commands';
import { PublishingController } from './publishing/publishing.controller';
import { PublishingQueries } from './publishing/publishing.queries';
import { PublishingRepository } from './publishing/publishing.repository';

@Module({
  imports: [
    AuthModule,
    ProjectsModule,
    CollaborationModule,
    VersionsModule,
    CommentsModule,
    SuggestionsModule,
    LibraryModule,
  ],
  controllers: [ExportsController, PublishingController, PublicPagesController],
  providers: [
    ExportSourceQuery,
    ExportDocumentCommand,
    PdfRenderer,
    ExportJobsCommands,
    ExportJobsQueries,
    PublishingRepository,
    PublishingCommands,
    PublishingQueries,
    PublicFilesCommand,
    PublicationAuthorsCommand,
  ],
  // Review rounds (ADR 041) render their frozen version for outside reviewers without comment threads.
  exports: [PdfRenderer, ExportSourceQuery, ExportDocumentCommand, PublicationAuthorsCommand],
})
export class ExportsModule {}
