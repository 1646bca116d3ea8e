import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import { InvitationsController, WorkingGroupInvitationsController } from './invitations.controller';
import { InvitationsPolicy } from './invitations.policy';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AuthModule, MailModule, ProjectsModule],
  controllers: [WorkingGroupInvitationsController, InvitationsController],
  providers: [InvitationsService, InvitationsPolicy],
  exports: [InvitationsService],
})
export class InvitationsModule {}
