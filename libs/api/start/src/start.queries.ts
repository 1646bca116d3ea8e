import { Injectable } from '@nestjs/common';
import {
  PAGE_LIMITS,
  START_SECTION_LIMIT,
  type PlanItemDto,
  type ProjectDto,
  type StartPageDto,
} from '@roundtable/contracts';
import { Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { CommentsQueries } from '@roundtable/api-comments';
import { PlanService } from '@roundtable/api-deliverables';
import { MeetingsService } from '@roundtable/api-meetings';
import { MinutesQueries } from '@roundtable/api-minutes';
import { ApplicationsQueries } from '@roundtable/api-open-call';
import { AccessService, MembershipsService, ProjectsService } from '@roundtable/api-projects';
import { presentStart, type StartFacts } from './start.presenter';

/**
 * The start page: asks each owning lib's query service (never their tables) what waits for the caller, each of
 * which answers only what the caller may see. Never writes.
 */
@Injectable()
export class StartQueries {
  constructor(
    private readonly access: AccessService,
    private readonly projects: ProjectsService,
    private readonly memberships: MembershipsService,
    private readonly meetings: MeetingsService,
    private readonly minutes: MinutesQueries,
    private readonly plan: PlanService,
    private readonly comments: CommentsQueries,
    private readonly applications: ApplicationsQueries,
    private readonly clock: Clock,
  ) {}

  async forUser(user: AuthenticatedUser): Promise<StartPageDto> {
    const now = this.clock.now();
    const today = this.clock.today();
    const [actor, projects, documentPage] = await Promise.all([
      this.access.actorFor(user),
      this.projects.listProjects(user),
      // A project has tens of papers: the largest page holds them all.
      this.projects.listDocuments(user, undefined, { limit: PAGE_LIMITS.max }),
    ]);
    const documents = documentPage.items;
    const coordinated = projects.filter((p) => actor.coordinatedProjectIds.includes(p.id));
    const [meetings, actions, deadlines, mentions, minutes, applications, risks] = await Promise.all([
      user.personId ? this.meetings.upcomingFor(user.personId, now) : Promise.resolve([]),
      this.minutes.myActions(user),
      this.documentDeadlines(projects, today),
      this.comments.addressedTo(user, documents, START_SECTION_LIMIT),
      this.minutes.circulated(user),
      this.applications.awaitingReviewBy(actor, user.id),
      coordinated.length > 0 ? this.risks(user, coordinated, today) : Promise.resolve(null),
    ]);
    const facts: StartFacts = {
      personId: user.personId,
      meetings,
      actions,
      documents,
      deadlines,
      mentions,
      minutes,
      applications,
      risks,
    };
    return presentStart(facts, START_SECTION_LIMIT);
  }

  private async documentDeadlines(projects: ProjectDto[], today: string): Promise<Map<string, PlanItemDto>> {
    const maps = await Promise.all(projects.map((p) => this.plan.deadlinesOfDocuments(p, today)));
    return new Map(maps.flatMap((m) => [...m]));
  }

  private async risks(user: AuthenticatedUser, coordinated: ProjectDto[], today: string): Promise<StartFacts['risks']> {
    const [items, overdueActions, vacancies] = await Promise.all([
      Promise.all(coordinated.map((p) => this.plan.itemsOf(p, today))),
      this.minutes.overdueActions(user),
      Promise.all(coordinated.map((p) => this.memberships.openVacancies({ projectId: p.id }))),
    ]);
    return { items: items.flat(), overdueActions, vacancies: vacancies.flat() };
  }
}
