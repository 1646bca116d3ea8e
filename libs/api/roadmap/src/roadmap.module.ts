import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { ProjectsModule } from '@roundtable/api-projects';
import { RecommendationsModule } from '@roundtable/api-recommendations';
import { RoadmapCommands } from './roadmap.commands';
import { RoadmapController } from './roadmap.controller';
import { RoadmapPolicy } from './roadmap.policy';
import { RoadmapQueries } from './roadmap.queries';
import { RoadmapRepository } from './roadmap.repository';

/** The roadmap's actions, their dependency graph and traceability to the recommendations (ADR 045). */
@Module({
  imports: [AuthModule, ProjectsModule, RecommendationsModule],
  controllers: [RoadmapController],
  providers: [RoadmapRepository, RoadmapQueries, RoadmapCommands, RoadmapPolicy],
  exports: [RoadmapQueries],
})
export class RoadmapModule {}
