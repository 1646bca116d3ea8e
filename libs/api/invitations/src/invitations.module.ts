import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import { InvitationsController, WorkingGroupInvitationsController } from './invitations.controller';
import { InvitationsPolicy } from './invitations.policy';
import { InvitationsCommands } from './invitations.commands';
import { InvitationsQueries } from './invitations.queries';
import { InvitationsRepository } from './invitations.repository';

@Module({
  imports: [AuthModule, MailModule, ProjectsModule],
  controllers: [WorkingGroupInvitationsController, InvitationsController],
  providers: [InvitationsRepository, InvitationsQueries, InvitationsCommands, InvitationsPolicy],
  exports: [InvitationsCommands],
})
export class InvitationsModule {}
