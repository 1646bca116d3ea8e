import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ProjectsModule } from '@roundtable/api-projects';
import { RecommendationsCommands } from './recommendations.commands';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsPolicy } from './recommendations.policy';
import { RecommendationsQueries } from './recommendations.queries';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsSync } from './recommendations.sync';

/** The recommendations registry, kept in step with the papers' recommendation blocks (issue 16, ADR 042). */
@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule],
  controllers: [RecommendationsController],
  providers: [
    RecommendationsRepository,
    RecommendationsSync,
    RecommendationsQueries,
    RecommendationsCommands,
    RecommendationsPolicy,
  ],
  exports: [RecommendationsQueries, RecommendationsSync],
})
export class RecommendationsModule {}
