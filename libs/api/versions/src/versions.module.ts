import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ProjectsModule } from '@roundtable/api-projects';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions.service';

@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule],
  controllers: [VersionsController],
  providers: [VersionsService],
  exports: [VersionsService],
})
export class VersionsModule {}
