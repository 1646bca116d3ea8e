import type { EntityManager } from 'typeorm';
import type { DimensionRequest } from '@roundtable/contracts';

/** Rows of a working group as the structure commands write them (tables owned by api-projects). */
export interface WorkingGroupRow {
  code: string;
  titleEn: string;
  titleZh: string;
  aimEn: string;
  aimZh: string;
}

/** The raw SQL of the structure: working groups, their dimensions and guiding partners, partners and their people. */
export const structureRepository = {
  async insertWorkingGroup(manager: EntityManager, projectId: string, row: WorkingGroupRow): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO working_groups (project_id, code, position, title_en, title_zh, aim_en, aim_zh)
       SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5, $6 FROM working_groups WHERE project_id = $1
       RETURNING id`,
      [projectId, row.code, row.titleEn, row.titleZh, row.aimEn, row.aimZh],
    );
    return created.id;
  },

  async updateWorkingGroup(manager: EntityManager, id: string, row: WorkingGroupRow): Promise<void> {
    await manager.query(
      'UPDATE working_groups SET code = $2, title_en = $3, title_zh = $4, aim_en = $5, aim_zh = $6 WHERE id = $1',
      [id, row.code, row.titleEn, row.titleZh, row.aimEn, row.aimZh],
    );
  },

  /** Replaces the group's dimensions (positions 1…n in the given order) and guiding partners. */
  async replaceParts(
    manager: EntityManager,
    id: string,
    dimensions: DimensionRequest[],
    guidingPartnerIds: string[],
  ): Promise<void> {
    await manager.query('DELETE FROM working_group_dimensions WHERE working_group_id = $1', [id]);
    for (const [index, d] of dimensions.entries()) {
      await manager.query(
        `INSERT INTO working_group_dimensions (working_group_id, position, title_en, title_zh, focus_en, focus_zh, goal_en, goal_zh)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, index + 1, d.title.en, d.title.zh, d.focus.en, d.focus.zh, d.goal.en, d.goal.zh],
      );
    }
    await manager.query('DELETE FROM working_group_partners WHERE working_group_id = $1', [id]);
    if (guidingPartnerIds.length > 0) {
      await manager.query(
        'INSERT INTO working_group_partners (working_group_id, partner_id) SELECT $1, unnest($2::uuid[])',
        [id, guidingPartnerIds],
      );
    }
  },

  /** Whether another group of the project already uses the code (case-insensitive). */
  async codeTaken(manager: EntityManager, projectId: string, code: string, exceptId: string | null): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM working_groups WHERE project_id = $1 AND lower(code) = lower($2) AND id IS DISTINCT FROM $3',
      [projectId, code, exceptId],
    );
    return rows.length > 0;
  },

  /** The ids among `ids` that are not partners of the project. */
  async foreignPartners(manager: EntityManager, projectId: string, ids: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM partners WHERE project_id = $1 AND id = ANY($2::uuid[])',
      [projectId, ids],
    );
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  },

  /** The ids among `ids` that are not known people. */
  async unknownPeople(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM people WHERE id = ANY($1::uuid[])', [ids]);
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  },

  async shortNameTaken(
    manager: EntityManager,
    projectId: string,
    shortName: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM partners WHERE project_id = $1 AND lower(short_name) = lower($2) AND id IS DISTINCT FROM $3',
      [projectId, shortName, exceptId],
    );
    return rows.length > 0;
  },

  async insertPartner(
    manager: EntityManager,
    projectId: string,
    row: { shortName: string; fullName: string; country: string },
  ): Promise<string> {
    const [created] = await manager.query(
      'INSERT INTO partners (project_id, short_name, full_name, country) VALUES ($1, $2, $3, $4) RETURNING id',
      [projectId, row.shortName, row.fullName, row.country],
    );
    return created.id;
  },

  async updatePartner(
    manager: EntityManager,
    id: string,
    row: { shortName: string; fullName: string; country: string },
  ): Promise<void> {
    await manager.query('UPDATE partners SET short_name = $2, full_name = $3, country = $4 WHERE id = $1', [
      id,
      row.shortName,
      row.fullName,
      row.country,
    ]);
  },

  /** The partner's people become exactly `personIds`; people no longer listed keep no partner. */
  async setPartnerPeople(manager: EntityManager, partnerId: string, personIds: string[]): Promise<void> {
    await manager.query(
      'UPDATE people SET partner_id = NULL, updated_at = now() WHERE partner_id = $1 AND NOT (id = ANY($2::uuid[]))',
      [partnerId, personIds],
    );
    await manager.query(
      'UPDATE people SET partner_id = $1, updated_at = now() WHERE id = ANY($2::uuid[]) AND partner_id IS DISTINCT FROM $1',
      [partnerId, personIds],
    );
  },
};
