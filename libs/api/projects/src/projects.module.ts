import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { DocumentsController, ProjectsController, WorkingGroupsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, WorkingGroupsController, DocumentsController],
  providers: [AccessService, ProjectsService],
  exports: [AccessService],
})
export class ProjectsModule {}
