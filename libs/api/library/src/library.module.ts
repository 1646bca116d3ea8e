import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { ProjectsModule } from '@roundtable/api-projects';
import { LibraryController } from './library.controller';
import { LibraryUploadGuard, UploadErrorsInterceptor } from './library-upload';
import { LibraryPolicy } from './library.policy';
import { LibraryService } from './library.service';

/** The working-documents library: files per working group with versions, tags and authorised downloads. */
@Module({
  imports: [AuthModule, ProjectsModule],
  controllers: [LibraryController],
  providers: [LibraryService, LibraryUploadGuard, UploadErrorsInterceptor, LibraryPolicy],
  exports: [LibraryService],
})
export class LibraryModule {}
