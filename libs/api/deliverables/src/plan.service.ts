import { Injectable } from '@nestjs/common';
import type { PlanDeadlineDto, PlanItemDto } from '@roundtable/contracts';
import { presentDeadline, presentItem, type PlanProject } from './plan.presenter';
import { PlanRepository } from './plan.repository';

/**
 * The plan as other parts read it: the deadline reminders (items with readiness and risk) and personal
 * calendar feeds (a person's open deadlines). Requests go through `PlanQueries` and `PlanCommands`.
 */
@Injectable()
export class PlanService {
  constructor(private readonly repository: PlanRepository) {}

  /** Items of a project with their due date, readiness and risk, by due month. */
  async itemsOf(project: PlanProject, today: string): Promise<PlanItemDto[]> {
    const [rows, links] = await Promise.all([this.repository.items(project.id), this.repository.links(project.id)]);
    return rows.map((row) => presentItem(project, row, links, today));
  }

  /**
   * Every deadline (milestones and deliverables not yet delivered) of the projects a person belongs to:
   * the data a personal calendar feed shows.
   */
  async deadlinesForPerson(personId: string): Promise<PlanDeadlineDto[]> {
    return (await this.repository.deadlinesOf(personId)).map(presentDeadline);
  }
}
