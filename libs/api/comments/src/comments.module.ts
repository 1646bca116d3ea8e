import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import { CommentsController } from './comments.controller';
import { CommentsPolicy } from './comments.policy';
import { CommentsService } from './comments.service';

@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule, MailModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentsPolicy],
  exports: [CommentsService],
})
export class CommentsModule {}
