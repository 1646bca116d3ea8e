import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { ProjectsModule } from '@roundtable/api-projects';
import { CollabAdmission } from './collab-admission';
import { CollabRooms } from './collab-rooms';
import { CollabSessions } from './collab-sessions';
import { CollabSockets } from './collab-socket';
import { CollabUpgrades } from './collab-upgrade';
import { CollaborationServer } from './collaboration.server';
import { DocumentContentController } from './document-content.controller';
import { DocumentContentService } from './document-content.service';
import { DocumentLockController } from './document-lock.controller';
import { DocumentEvents } from './document.events';
import { DocumentStore } from './document.store';

@Module({
  imports: [AuthModule, ProjectsModule],
  controllers: [DocumentContentController, DocumentLockController],
  providers: [
    DocumentStore,
    DocumentEvents,
    CollabAdmission,
    CollabRooms,
    CollabSessions,
    CollabSockets,
    CollabUpgrades,
    CollaborationServer,
    DocumentContentService,
  ],
  exports: [DocumentStore, DocumentEvents, CollaborationServer, DocumentContentService],
})
export class CollaborationModule {}
