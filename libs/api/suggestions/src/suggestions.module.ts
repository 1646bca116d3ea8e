import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ProjectsModule } from '@roundtable/api-projects';
import { SuggestionsCommands } from './suggestions.commands';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsQueries } from './suggestions.queries';
import { SuggestionsRepository } from './suggestions.repository';

@Module({
  imports: [AuthModule, ProjectsModule, CollaborationModule],
  controllers: [SuggestionsController],
  providers: [SuggestionsRepository, SuggestionsQueries, SuggestionsCommands],
  exports: [SuggestionsQueries],
})
export class SuggestionsModule {}
