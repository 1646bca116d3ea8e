import { Module } from '@nestjs/common';
import { config } from '@roundtable/api-config';
import { CollaborationModule } from '@roundtable/api-collaboration';
import { ProjectsModule } from '@roundtable/api-projects';
import { DOI_RESOLVER, doiResolverFor } from './doi-resolver';
import { ReferencesCommands } from './references.commands';
import { ReferencesController } from './references.controller';

@Module({
  imports: [ProjectsModule, CollaborationModule],
  controllers: [ReferencesController],
  providers: [ReferencesCommands, { provide: DOI_RESOLVER, useFactory: () => doiResolverFor(config().doiResolverUrl) }],
})
export class ReferencesModule {}
