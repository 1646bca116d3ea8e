import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { ProjectsModule } from '@roundtable/api-projects';
import { LibraryController } from './library.controller';
import { LibraryUploadGuard, UploadErrorsInterceptor } from './library-upload';
import { LibraryService } from './library.service';

/** The working-documents library: files per working group with versions, tags and authorised downloads. */
@Module({
  imports: [AuthModule, ProjectsModule],
  controllers: [LibraryController],
  providers: [LibraryService, LibraryUploadGuard, UploadErrorsInterceptor],
  exports: [LibraryService],
})
export class LibraryModule {}
