import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type FieldErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { RecommendationsQueries } from '@roundtable/api-recommendations';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateRoadmapActionDto, UpdateRoadmapActionDto } from './roadmap.dto';
import { cycleThrough } from './roadmap.graph';
import { RoadmapRepository, type ActionRow, type ActionValues } from './roadmap.repository';

function invalid(field: string | string[], code: FieldErrorCode, message: string): ApiException {
  const fields = typeof field === 'string' ? [field] : field;
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${fields.join(', ')}`, {
    fields: fields.map((name) => ({ field: name, code, message })),
  });
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Changes to the roadmap's actions, one transaction each under the roadmap's lock (so the graph stays acyclic
 * whatever the concurrency). What holds across fields is checked here and named: the timeframe (years or a
 * horizon), the recommendations (at least one, or the reason), the dependencies (same roadmap, no cycle: 409
 * naming the cycle's actions in order).
 */
@Injectable()
export class RoadmapCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RoadmapRepository,
    private readonly recommendations: RecommendationsQueries,
  ) {}

  async create(projectId: string, body: CreateRoadmapActionDto, userId: string): Promise<string> {
    const roadmap = await this.repository.roadmapOf(projectId);
    if (!roadmap) throw new ApiException(ErrorCode.NotFound, 'This project has no roadmap document.');
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager, roadmap.id);
      const values = this.values(null, body);
      const recommendationIds = await this.recommendationIds(projectId, body.recommendationIds ?? [], values);
      const dependsOn = unique(body.dependsOn ?? []);
      const id = await this.repository.insert(manager, { projectId, documentId: roadmap.id, userId, ...values });
      await this.checkDependencies(manager, roadmap.id, id, dependsOn, values.titleEn);
      await this.repository.setDependencies(manager, id, dependsOn);
      await this.repository.setRecommendations(manager, id, recommendationIds);
      return id;
    });
  }

  async update(actionId: string, body: UpdateRoadmapActionDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.repository.action(actionId, manager);
      if (!found) throw new ApiException(ErrorCode.NotFound, 'Roadmap action not found.');
      await this.repository.lock(manager, found.document_id);
      const current = (await this.repository.action(actionId, manager)) as ActionRow;
      const values = this.values(current, body);
      const recommendationIds = await this.recommendationIds(
        current.project_id,
        body.recommendationIds ?? current.recommendation_ids,
        values,
      );
      await this.repository.update(manager, actionId, values);
      if (body.dependsOn) {
        const dependsOn = unique(body.dependsOn);
        await this.checkDependencies(manager, current.document_id, actionId, dependsOn, values.titleEn);
        await this.repository.setDependencies(manager, actionId, dependsOn);
      }
      if (body.recommendationIds) await this.repository.setRecommendations(manager, actionId, recommendationIds);
    });
  }

  /** Deletes the action; the actions that depended on it lose that dependency (nothing else changes). */
  async remove(actionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.repository.action(actionId, manager);
      if (!found) throw new ApiException(ErrorCode.NotFound, 'Roadmap action not found.');
      await this.repository.lock(manager, found.document_id);
      await this.repository.delete(manager, actionId);
    });
  }

  /** The stored values after the change: a patch keeps what it does not mention. */
  private values(current: ActionRow | null, body: UpdateRoadmapActionDto): ActionValues {
    let startYear = body.startYear !== undefined ? body.startYear : (current?.start_year ?? null);
    let endYear = body.endYear !== undefined ? body.endYear : (current?.end_year ?? null);
    let horizon = body.horizon !== undefined ? body.horizon : (current?.horizon ?? null);
    // Switching a stored action from years to a horizon (or back) need not clear the other explicitly.
    if (current && body.horizon && body.startYear === undefined) startYear = endYear = null;
    if (current && body.startYear && body.horizon === undefined) horizon = null;
    if (horizon !== null && startYear !== null)
      throw invalid(
        ['horizon', 'startYear'],
        'yearsOrHorizon',
        'give either years (startYear, endYear) or a horizon, not both',
      );
    if (horizon === null && startYear === null)
      throw invalid(['horizon', 'startYear'], 'yearsOrHorizon', 'give years (startYear) or a horizon');
    if (endYear !== null && startYear === null)
      throw invalid('endYear', 'endYearNeedsStart', 'endYear needs a startYear');
    if (endYear !== null && startYear !== null && endYear < startYear)
      throw invalid('endYear', 'endBeforeStart', 'endYear must not be before startYear');
    const reason =
      body.noRecommendationReason !== undefined ? body.noRecommendationReason : current?.no_recommendation_reason;
    return {
      titleEn: (body.titleEn ?? current?.title_en ?? '').trim(),
      titleZh: (body.titleZh ?? current?.title_zh ?? '').trim(),
      descriptionEn: body.descriptionEn ?? current?.description_en ?? '',
      descriptionZh: body.descriptionZh ?? current?.description_zh ?? '',
      actors: unique(body.actors ?? current?.actors ?? []),
      startYear,
      endYear,
      horizon,
      noRecommendationReason: reason?.trim() ? reason.trim() : null,
    };
  }

  /** The links, checked against the project's registry; with none, the reason is required (else dropped). */
  private async recommendationIds(projectId: string, ids: readonly string[], values: ActionValues): Promise<string[]> {
    const wanted = unique(ids);
    if (wanted.length > 0) {
      const known = new Map(
        (await this.recommendations.everyRecommendation(projectId)).map((r) => [r.id, r.status] as const),
      );
      const bad = wanted.find((id) => known.get(id) === undefined || known.get(id) === 'removed');
      if (bad)
        throw invalid(
          'recommendationIds',
          'unknownRecommendation',
          `${bad} is not a recommendation of this project’s registry`,
        );
      values.noRecommendationReason = null;
    } else if (!values.noRecommendationReason) {
      throw invalid(
        'noRecommendationReason',
        'recommendationOrReason',
        'an action implements at least one recommendation (recommendationIds), or says why it implements none',
      );
    }
    return wanted;
  }

  private async checkDependencies(
    manager: EntityManager,
    documentId: string,
    actionId: string,
    dependsOn: readonly string[],
    ownTitle: string,
  ): Promise<void> {
    const actions = await this.repository.actions(documentId, manager);
    const byId = new Map(actions.map((a) => [a.id, a]));
    const foreign = dependsOn.find((id) => id !== actionId && !byId.has(id));
    if (foreign) throw invalid('dependsOn', 'unknownAction', `${foreign} is not an action of this roadmap`);
    const edges = new Map(actions.filter((a) => a.id !== actionId).map((a) => [a.id, a.depends_on] as const));
    const cycle = cycleThrough(edges, actionId, dependsOn);
    if (!cycle) return;
    const title = (id: string) => (id === actionId ? ownTitle : (byId.get(id)?.title_en ?? id));
    throw new ApiException(
      ErrorCode.Conflict,
      `These dependencies would make a cycle: ${cycle.map(title).join(' → ')}.`,
      { fields: [{ field: 'dependsOn', code: 'dependencyCycle', message: `cycle: ${cycle.join(' → ')}` }] },
    );
  }
}
