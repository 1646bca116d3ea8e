import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@roundtable/api-database';
import { AccountsModule } from '@roundtable/api-accounts';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { CommentsModule } from '@roundtable/api-comments';
import { DeliverablesModule } from '@roundtable/api-deliverables';
import { ExportsModule } from '@roundtable/api-exports';
import { InvitationsModule } from '@roundtable/api-invitations';
import { MailModule } from '@roundtable/api-mail';
import { MeetingsModule } from '@roundtable/api-meetings';
import { MinutesModule } from '@roundtable/api-minutes';
import { NotificationsModule } from '@roundtable/api-notifications';
import { OpenCallModule } from '@roundtable/api-open-call';
import { LibraryModule } from '@roundtable/api-library';
import { JobsModule } from '@roundtable/api-jobs';
import {
  ClockModule,
  HealthController,
  PolicyModule,
  ProxyTrustModule,
  type ProxyTrust,
} from '@roundtable/api-platform';
import { ProjectsModule } from '@roundtable/api-projects';
import { RecommendationsModule } from '@roundtable/api-recommendations';
import { RoadmapModule } from '@roundtable/api-roadmap';
import { StartModule } from '@roundtable/api-start';
import { VersionsModule } from '@roundtable/api-versions';
import { ENTITIES } from './database/entities';

@Module({})
export class AppModule {
  static forDatabase(databaseUrl: string, proxyTrust: ProxyTrust = () => false): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, ENTITIES), retryAttempts: 2, retryDelay: 500 }),
        ClockModule,
        PolicyModule,
        ProxyTrustModule.forRoot(proxyTrust),
        JobsModule.forRoot(databaseUrl),
        AuthModule,
        AccountsModule,
        ProjectsModule,
        CollaborationModule,
        MailModule,
        NotificationsModule,
        InvitationsModule,
        OpenCallModule,
        CommentsModule,
        VersionsModule,
        DeliverablesModule,
        MeetingsModule,
        MinutesModule,
        LibraryModule,
        ExportsModule,
        StartModule,
        RecommendationsModule,
        RoadmapModule,
      ],
      controllers: [HealthController],
    };
  }
}
