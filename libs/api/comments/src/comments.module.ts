import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { NotificationsModule } from '@roundtable/api-notifications';
import { ProjectsModule } from '@roundtable/api-projects';
import { CommentsController } from './comments.controller';
import { CommentsPolicy } from './comments.policy';
import { CommentsCommands } from './comments.commands';
import { CommentsQueries } from './comments.queries';
import { CommentsRepository } from './comments.repository';

@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule, NotificationsModule],
  controllers: [CommentsController],
  providers: [CommentsRepository, CommentsQueries, CommentsCommands, CommentsPolicy],
  exports: [CommentsQueries, CommentsCommands],
})
export class CommentsModule {}
