import { Module } from '@nestjs/common';
import { InvitationsModule } from '@roundtable/api-invitations';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import {
  ApplicationConfirmationsController,
  ApplicationsController,
  PublicCallsController,
} from './applications.controller';
import { ApplicationsCommands } from './applications.commands';
import { ApplicationsQueries } from './applications.queries';
import { ApplicationsRepository } from './applications.repository';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { OpenCallPolicy } from './open-call.policy';

@Module({
  imports: [ProjectsModule, MailModule, InvitationsModule],
  controllers: [CallsController, PublicCallsController, ApplicationConfirmationsController, ApplicationsController],
  providers: [CallsService, ApplicationsRepository, ApplicationsQueries, ApplicationsCommands, OpenCallPolicy],
  exports: [CallsService, ApplicationsQueries, ApplicationsCommands],
})
export class OpenCallModule {}
