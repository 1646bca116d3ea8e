import { CollaborationModule } from '@roundtable/api-collaboration';
import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { NotificationsModule } from '@roundtable/api-notifications';
import { CalendarFeedRegistry, CalendarsModule } from '@roundtable/api-calendars';
import { ProjectsModule } from '@roundtable/api-projects';
import { DeadlinesFeedSource } from './deadlines-feed.source';
import { DeliverablesPolicy } from './deliverables.policy';
import { DocumentLifecycleService } from './document-lifecycle.service';
import { DocumentLifecycleController, PlanItemsController, ProjectPlanController } from './plan.controller';
import { PlanCommands } from './plan.commands';
import { PlanQueries } from './plan.queries';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';
import { RemindersService } from './reminders.service';

/**
 * Milestones, deliverables, readiness, the deadline dashboard, reminders, and deadlines in personal calendar
 * feeds. Needs JobsModule and ClockModule (global).
 */
@Module({
  imports: [AuthModule, ProjectsModule, NotificationsModule, CalendarsModule, CollaborationModule],
  controllers: [ProjectPlanController, PlanItemsController, DocumentLifecycleController],
  providers: [
    PlanRepository,
    PlanService,
    PlanQueries,
    PlanCommands,
    DocumentLifecycleService,
    RemindersService,
    DeadlinesFeedSource,
    DeliverablesPolicy,
  ],
  exports: [PlanService, RemindersService],
})
export class DeliverablesModule implements OnModuleInit {
  constructor(
    private readonly registry: CalendarFeedRegistry,
    private readonly deadlines: DeadlinesFeedSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.deadlines);
  }
}
