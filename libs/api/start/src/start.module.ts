import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CommentsModule } from '@roundtable/api-comments';
import { DeliverablesModule } from '@roundtable/api-deliverables';
import { MeetingsModule } from '@roundtable/api-meetings';
import { MinutesModule } from '@roundtable/api-minutes';
import { OpenCallModule } from '@roundtable/api-open-call';
import { ProjectsModule } from '@roundtable/api-projects';
import { StartController } from './start.controller';
import { StartQueries } from './start.queries';

/**
 * The personal start page (issue 13 item 1, ADR 033): one read that asks the owning libs' query services
 * what waits for the caller. Owns no table and writes nothing.
 */
@Module({
  imports: [
    AuthModule,
    ProjectsModule,
    MeetingsModule,
    MinutesModule,
    DeliverablesModule,
    CommentsModule,
    OpenCallModule,
  ],
  controllers: [StartController],
  providers: [StartQueries],
})
export class StartModule {}
