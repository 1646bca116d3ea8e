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
   * Per linked document, the earliest item not yet done that it counts toward (what a person's start page
   * shows beside the documents they edit).
   */
  async deadlinesOfDocuments(project: PlanProject, today: string): Promise<Map<string, PlanItemDto>> {
    const [rows, links] = await Promise.all([this.repository.items(project.id), this.repository.links(project.id)]);
    const items = new Map(rows.map((row) => [row.id, presentItem(project, row, links, today)]));
    const byDocument = new Map<string, PlanItemDto>();
    for (const link of links) {
      const item = items.get(link.item_id);
      if (!item || item.risk === 'done') continue;
      const known = byDocument.get(link.document_id);
      if (!known || item.dueDate < known.dueDate) byDocument.set(link.document_id, item);
    }
    return byDocument;
  }

  /**
   * Every deadline (milestones and deliverables not yet delivered) of the projects a person belongs to:
   * the data a personal calendar feed shows.
   */
  async deadlinesForPerson(personId: string): Promise<PlanDeadlineDto[]> {
    return (await this.repository.deadlinesOf(personId)).map(presentDeadline);
  }
}
