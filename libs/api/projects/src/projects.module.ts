import { Module } from '@nestjs/common';
import { AccessEvents } from './access.events';
import { AccessService } from './access.service';
import { DocumentOwners } from './document-owners';
import { BalanceController } from './balance/balance.controller';
import { BalanceService } from './balance/balance.service';
import { MembershipsController } from './memberships/memberships.controller';
import { CoChairSeats } from './memberships/co-chair-seats';
import { MembershipsService } from './memberships/memberships.service';
import { PeopleController } from './people/people.controller';
import { ProjectRolesController, ProjectRolesService } from './project-roles/project-roles.controller';
import { PeopleService } from './people/people.service';
import { DocumentsController, ProjectsController, WorkingGroupsController } from './projects.controller';
import { ProjectsPolicy } from './projects.policy';
import { ProjectsService } from './projects.service';
import { StructureCommands } from './structure/structure.commands';
import { StructureController } from './structure/structure.controller';
import { StructureQueries } from './structure/structure.queries';

@Module({
  controllers: [
    ProjectsController,
    WorkingGroupsController,
    DocumentsController,
    MembershipsController,
    PeopleController,
    BalanceController,
    ProjectRolesController,
    StructureController,
  ],
  providers: [
    AccessService,
    ProjectsPolicy,
    AccessEvents,
    ProjectsService,
    MembershipsService,
    CoChairSeats,
    PeopleService,
    BalanceService,
    ProjectRolesService,
    DocumentOwners,
    StructureCommands,
    StructureQueries,
  ],
  exports: [AccessService, AccessEvents, MembershipsService, DocumentOwners, ProjectsService],
})
export class ProjectsModule {}
