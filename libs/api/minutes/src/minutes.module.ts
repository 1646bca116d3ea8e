import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { NotificationsModule } from '@roundtable/api-notifications';
import { MeetingsModule } from '@roundtable/api-meetings';
import { DocumentOwners, ProjectsModule } from '@roundtable/api-projects';
import { VersionsModule } from '@roundtable/api-versions';
import { ActionItemsCommands } from './action-items.commands';
import { ActionItemsRepository } from './action-items.repository';
import { ActionRemindersService } from './action-reminders.service';
import { MinutesAccess } from './minutes.access';
import { MinutesCommands } from './minutes.commands';
import { MinutesController } from './minutes.controller';
import { MinutesIntegrityService } from './minutes-integrity.service';
import { MinutesMailer } from './minutes.mailer';
import { MinutesPolicy } from './minutes.policy';
import { MinutesQueries } from './minutes.queries';
import { MinutesRepository } from './minutes.repository';
import { MinutesSeeder } from './minutes.seeder';

/**
 * Minutes of meeting occurrences, their decisions and action items (ADR 013, 015). Depends on meetings (an
 * occurrence, its invitees and agenda), never the reverse; action reminders need JobsModule and ClockModule
 * (global).
 */
@Module({
  imports: [AuthModule, ProjectsModule, NotificationsModule, CollaborationModule, VersionsModule, MeetingsModule],
  controllers: [MinutesController],
  providers: [
    MinutesRepository,
    ActionItemsRepository,
    MinutesAccess,
    MinutesQueries,
    MinutesCommands,
    ActionItemsCommands,
    MinutesSeeder,
    MinutesMailer,
    MinutesIntegrityService,
    ActionRemindersService,
    MinutesPolicy,
  ],
  exports: [MinutesQueries],
})
export class MinutesModule implements OnModuleInit {
  constructor(
    private readonly documentOwners: DocumentOwners,
    private readonly queries: MinutesQueries,
  ) {}

  onModuleInit(): void {
    this.documentOwners.register((documentId) => this.queries.ownerOf(documentId));
  }
}
