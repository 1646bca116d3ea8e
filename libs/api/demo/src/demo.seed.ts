import { AuthService } from '@roundtable/api-auth';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEMO_ACCOUNTS,
  DEMO_PARTNERS,
  DEMO_PASSWORD,
  DEMO_PLAN,
  DEMO_PROJECT,
  DEMO_PROJECT_DOCUMENTS,
  DEMO_WORKING_GROUPS,
} from './demo-data';
import { DEMO_DIMENSIONS } from './demo-dimensions';
import { DEMO_EXPERTS } from './demo-experts';
import { seedDemoMeetings } from './demo-meetings';
import { seedLibrary } from './demo-library';
import { seedDemoMinutes } from './demo-minutes';
import { seedDemoRecommendations } from './demo-recommendations';
import { seedDemoReviews } from './demo-reviews';
import { seedDemoRoadmap } from './demo-roadmap';

/**
 * Seeds the demo project. Idempotent: every row is keyed by a natural key and inserted only when missing,
 * inside one transaction under an advisory lock, so restarts and concurrent starts never duplicate.
 */
export async function seedDemo(dataSource: DataSource): Promise<{ projectId: string }> {
  const passwordHash = await AuthService.hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('roundtable:demo-seed', 0))");
    const projectId = await upsertId(
      manager,
      `INSERT INTO projects (name, acronym, start_date, duration_months) VALUES ($1, $2, $3, $4)
       ON CONFLICT (acronym) DO NOTHING RETURNING id`,
      [DEMO_PROJECT.name, DEMO_PROJECT.acronym, DEMO_PROJECT.startDate, DEMO_PROJECT.durationMonths],
      'SELECT id FROM projects WHERE acronym = $1',
      [DEMO_PROJECT.acronym],
    );

    const partnerIds = new Map<string, string>();
    for (const partner of DEMO_PARTNERS) {
      partnerIds.set(
        partner.shortName,
        await upsertId(
          manager,
          `INSERT INTO partners (project_id, short_name, full_name, country) VALUES ($1, $2, $3, $4)
           ON CONFLICT (project_id, short_name) DO NOTHING RETURNING id`,
          [projectId, partner.shortName, partner.fullName, partner.country],
          'SELECT id FROM partners WHERE project_id = $1 AND short_name = $2',
          [projectId, partner.shortName],
        ),
      );
    }

    const groupIds = new Map<string, string>();
    for (const [index, group] of DEMO_WORKING_GROUPS.entries()) {
      const groupId = await upsertId(
        manager,
        `INSERT INTO working_groups (project_id, code, position, title_en, title_zh, aim_en, aim_zh)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (project_id, code) DO NOTHING RETURNING id`,
        [projectId, group.code, index + 1, group.titleEn, group.titleZh, group.aimEn, group.aimZh],
        'SELECT id FROM working_groups WHERE project_id = $1 AND code = $2',
        [projectId, group.code],
      );
      groupIds.set(group.code, groupId);
      for (const partner of group.guidingPartners) {
        await manager.query(
          'INSERT INTO working_group_partners (working_group_id, partner_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [groupId, partnerIds.get(partner)],
        );
      }
      for (const [position, dimension] of (DEMO_DIMENSIONS[group.code] ?? []).entries()) {
        await manager.query(
          `INSERT INTO working_group_dimensions (working_group_id, position, title_en, title_zh, focus_en, focus_zh, goal_en, goal_zh)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (working_group_id, position) DO NOTHING`,
          [
            groupId,
            position + 1,
            dimension.titleEn,
            dimension.titleZh,
            dimension.focusEn,
            dimension.focusZh,
            dimension.goalEn,
            dimension.goalZh,
          ],
        );
      }
      for (const paper of group.papers) {
        await manager.query(
          `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh, status, seed_key)
           VALUES ($1, $2, 'position-paper', $3, $4, $5, $6) ON CONFLICT (seed_key) DO NOTHING`,
          [projectId, groupId, paper.titleEn, paper.titleZh, paper.status, paper.key],
        );
      }
    }
    for (const document of DEMO_PROJECT_DOCUMENTS) {
      await manager.query(
        `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh, status, seed_key)
         VALUES ($1, NULL, $2, $3, $4, 'outline', $5) ON CONFLICT (seed_key) DO NOTHING`,
        [projectId, document.type, document.titleEn, document.titleZh, document.key],
      );
    }

    for (const account of DEMO_ACCOUNTS) {
      const personId = await upsertId(
        manager,
        `INSERT INTO people (display_name, email, country, partner_id, locale, time_zone, sector) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [
          account.displayName,
          account.email,
          account.country,
          account.partner ? partnerIds.get(account.partner) : null,
          account.locale,
          account.country === 'CN' ? 'Asia/Shanghai' : account.country === 'DE' ? 'Europe/Berlin' : 'Europe/Rome',
          account.partner ? 'academia' : 'other',
        ],
        'SELECT id FROM people WHERE lower(email) = lower($1)',
        [account.email],
      );
      await manager.query(
        `INSERT INTO users (email, password_hash, display_name, platform_role, locale, person_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (lower(email)) DO NOTHING`,
        [account.email, passwordHash, account.displayName, account.platformRole, account.locale, personId],
      );
      for (const membership of account.memberships) {
        await manager.query(
          `INSERT INTO memberships (working_group_id, person_id, role, joined_on) VALUES ($1, $2, $3, '2020-03-01')
           ON CONFLICT (working_group_id, person_id) WHERE left_on IS NULL DO NOTHING`,
          [groupIds.get(membership.wg), personId, membership.role],
        );
      }
      if (account.projectRole) {
        await manager.query(
          `INSERT INTO project_roles (project_id, person_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (project_id, person_id, role) WHERE revoked_at IS NULL DO NOTHING`,
          [projectId, personId, account.projectRole],
        );
      }
    }

    for (const expert of DEMO_EXPERTS) {
      const personId = await upsertId(
        manager,
        `INSERT INTO people (display_name, email, country, locale, time_zone, sector, gender, expertise)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [
          expert.displayName,
          expert.email,
          expert.country,
          expert.country === 'CN' ? 'zh-CN' : 'en',
          expert.timeZone,
          expert.sector,
          expert.gender,
          expert.expertise,
        ],
        'SELECT id FROM people WHERE lower(email) = lower($1)',
        [expert.email],
      );
      await manager.query(
        `INSERT INTO memberships (working_group_id, person_id, role, joined_on) VALUES ($1, $2, 'expert', '2021-03-01')
         ON CONFLICT (working_group_id, person_id) WHERE left_on IS NULL DO NOTHING`,
        [groupIds.get(expert.wg), personId],
      );
    }
    await seedPlan(manager, projectId, partnerIds);
    await seedLibrary(manager, projectId, groupIds);
    // Default balance target: both main actors equally represented.
    await manager.query(
      `INSERT INTO balance_targets (project_id, europe_share, china_share, other_share) VALUES ($1, 0.5, 0.5, 0)
       ON CONFLICT (project_id) DO NOTHING`,
      [projectId],
    );
    await seedDemoMeetings(manager, projectId, groupIds);
    await seedDemoMinutes(manager, projectId);
    // Reviews first: the reviewed outlines are stored with their recommendations; other papers get theirs next.
    await seedDemoReviews(manager);
    await seedDemoRecommendations(manager, projectId);
    await seedDemoRoadmap(manager, projectId);
    return { projectId };
  });
}

/** WP2, its tasks, the M18 milestone and D2.2/D2.3 with their documents linked; history only on first insert. */
async function seedPlan(manager: EntityManager, projectId: string, partnerIds: Map<string, string>): Promise<void> {
  const wp = DEMO_PLAN.workPackage;
  const workPackageId = await upsertId(
    manager,
    `INSERT INTO work_packages (project_id, code, title_en, title_zh) VALUES ($1, $2, $3, $4) ON CONFLICT (project_id, code) DO NOTHING RETURNING id`,
    [projectId, wp.code, wp.titleEn, wp.titleZh],
    'SELECT id FROM work_packages WHERE project_id = $1 AND code = $2',
    [projectId, wp.code],
  );
  const taskIds = new Map<string, string>();
  for (const task of DEMO_PLAN.tasks) {
    taskIds.set(
      task.code,
      await upsertId(
        manager,
        `INSERT INTO plan_tasks (project_id, work_package_id, code, title_en, title_zh, start_month, end_month)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (project_id, code) DO NOTHING RETURNING id`,
        [projectId, workPackageId, task.code, task.titleEn, task.titleZh, task.startMonth, task.endMonth],
        'SELECT id FROM plan_tasks WHERE project_id = $1 AND code = $2',
        [projectId, task.code],
      ),
    );
  }
  const link = (itemId: string, documentKeys: string[], required: string, review = false) =>
    manager.query(
      `INSERT INTO plan_item_documents (item_id, document_id, required_status, requires_review_responded)
       SELECT $1, id, $3, $4 FROM documents WHERE seed_key = ANY($2) ON CONFLICT DO NOTHING`,
      [itemId, documentKeys, required, review],
    );
  const ms = DEMO_PLAN.milestone;
  const [milestone]: Array<{ id: string }> = await manager.query(
    `INSERT INTO plan_items (project_id, kind, number, title_en, title_zh, work_package_id, task_id, due_month, means_of_verification, seed_key)
     VALUES ($1, 'milestone', $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
    [
      projectId,
      ms.number,
      ms.titleEn,
      ms.titleZh,
      workPackageId,
      taskIds.get('T2.2'),
      ms.dueMonth,
      ms.meansOfVerification,
      ms.key,
    ],
  );
  if (milestone)
    await link(
      milestone.id,
      DEMO_WORKING_GROUPS.flatMap((g) => g.papers.map((p) => p.key)),
      ms.requiredStatus,
      ms.requiresReviewResponded,
    );
  for (const d of DEMO_PLAN.deliverables) {
    const [item]: Array<{ id: string }> = await manager.query(
      `INSERT INTO plan_items (project_id, kind, number, title_en, title_zh, work_package_id, task_id, due_month, lead_partner_id, type, dissemination, status, seed_key)
       VALUES ($1, 'deliverable', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
      [
        projectId,
        d.number,
        d.titleEn,
        d.titleZh,
        workPackageId,
        taskIds.get(d.task),
        d.dueMonth,
        partnerIds.get(d.leadPartner),
        d.type,
        d.dissemination,
        d.status,
        d.key,
      ],
    );
    if (!item) continue;
    await link(item.id, d.documents, 'final');
    // The coordinator set the plan at the start; D2.2's work began with the WG activities (March 2020).
    const coordinator = "(SELECT id FROM users WHERE lower(email) = 'coordinator@example.org')";
    await manager.query(
      `INSERT INTO plan_item_status_changes (item_id, from_status, to_status, changed_by, changed_at)
       VALUES ($1, NULL, 'planned', ${coordinator}, '2020-01-01T09:00:00Z')`,
      [item.id],
    );
    if (d.status === 'in-progress') {
      await manager.query(
        `INSERT INTO plan_item_status_changes (item_id, from_status, to_status, note, changed_by, changed_at)
         VALUES ($1, 'planned', 'in-progress', 'Working groups launched', ${coordinator}, '2020-03-02T09:00:00Z')`,
        [item.id],
      );
    }
  }
}

async function upsertId(
  manager: EntityManager,
  insert: string,
  params: unknown[],
  select: string,
  selectParams: unknown[],
): Promise<string> {
  const inserted: Array<{ id: string }> = await manager.query(insert, params);
  if (inserted.length > 0) return inserted[0].id;
  const [existing]: Array<{ id: string }> = await manager.query(select, selectParams);
  return existing.id;
}
