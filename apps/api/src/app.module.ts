import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@roundtable/api-database';
import { AccountsModule } from '@roundtable/api-accounts';
import { AuditModule } from '@roundtable/api-audit';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { CommentsModule } from '@roundtable/api-comments';
import { DeliverablesModule } from '@roundtable/api-deliverables';
import { ExportsModule } from '@roundtable/api-exports';
import { ReviewsModule } from '@roundtable/api-reviews';
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
import { PrivacyModule } from '@roundtable/api-privacy';
import { ProjectsModule } from '@roundtable/api-projects';
import { RecommendationsModule } from '@roundtable/api-recommendations';
import { ReferencesModule } from '@roundtable/api-references';
import { RoadmapModule } from '@roundtable/api-roadmap';
import { StartModule } from '@roundtable/api-start';
import { SuggestionsModule } from '@roundtable/api-suggestions';
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
        AuditModule,
        PrivacyModule,
        AccountsModule,
        ProjectsModule,
        CollaborationModule,
        MailModule,
        NotificationsModule,
        InvitationsModule,
        OpenCallModule,
        CommentsModule,
        SuggestionsModule,
        VersionsModule,
        DeliverablesModule,
        MeetingsModule,
        MinutesModule,
        LibraryModule,
        ExportsModule,
        ReferencesModule,
        ReviewsModule,
        StartModule,
        RecommendationsModule,
        RoadmapModule,
      ],
      controllers: [HealthController],
    };
  }
}
