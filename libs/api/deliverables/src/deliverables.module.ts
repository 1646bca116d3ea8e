import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { ProjectsModule } from '@roundtable/api-projects';
import { DocumentLifecycleService } from './document-lifecycle.service';
import { DocumentLifecycleController, PlanItemsController, ProjectPlanController } from './plan.controller';
import { PlanService } from './plan.service';
import { RemindersService } from './reminders.service';

/** Milestones, deliverables, readiness, the deadline dashboard and reminders. Needs JobsModule and ClockModule (global). */
@Module({
  imports: [AuthModule, ProjectsModule, MailModule],
  controllers: [ProjectPlanController, PlanItemsController, DocumentLifecycleController],
  providers: [PlanService, DocumentLifecycleService, RemindersService],
  exports: [PlanService, RemindersService],
})
export class DeliverablesModule {}
