import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { ProjectsModule } from '@roundtable/api-projects';
import { LibraryController } from './library.controller';
import { LibraryUploadGuard, UploadErrorsInterceptor } from './library-upload';
import { LibraryPolicy } from './library.policy';
import { LibraryCommands } from './library.commands';
import { LibraryQueries } from './library.queries';
import { LibraryRepository } from './library.repository';

/** The working-documents library: files per working group with versions, tags and authorised downloads. */
@Module({
  imports: [AuthModule, ProjectsModule],
  controllers: [LibraryController],
  providers: [
    LibraryRepository,
    LibraryQueries,
    LibraryCommands,
    LibraryUploadGuard,
    UploadErrorsInterceptor,
    LibraryPolicy,
  ],
  exports: [LibraryQueries, LibraryCommands],
})
export class LibraryModule {}
