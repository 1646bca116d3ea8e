import type { EntityManager } from 'typeorm';

const rec = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const action = (n: number) => `5eed0000-0000-4000-9000-${String(n).padStart(12, '0')}`;

interface DemoAction {
  id: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  actors: string[];
  startYear?: number;
  endYear?: number;
  horizon?: 'short' | 'medium' | 'long';
  dependsOn: string[];
  recommendations: string[];
  reason?: string;
}

/**
 * The roadmap draft (D2.3): a few actions with dependencies, linked to the demo papers' recommendations (fixed
 * ids, see demo-recommendations.ts); several recommendations stay uncovered, as in a real draft.
 */
export const DEMO_ROADMAP: DemoAction[] = [
  {
    id: action(1),
    titleEn: 'Agree an EU–China framework for sharing health data',
    titleZh: '商定中欧健康数据共享框架',
    descriptionEn: 'Harmonised consent and governance rules for cross-border data sharing in research.',
    descriptionZh: '为研究中的跨境数据共享制定统一的知情同意和治理规则。',
    actors: ['policy-makers'],
    startYear: 2024,
    endYear: 2025,
    dependsOn: [],
    recommendations: [rec(123), rec(122)],
  },
  {
    id: action(2),
    titleEn: 'Fund interoperable data infrastructures for clinical research',
    titleZh: '资助临床研究可互操作数据基础设施',
    descriptionEn: 'Joint calls funding shared infrastructures built on the agreed framework.',
    descriptionZh: '联合资助在商定框架基础上建设的共享基础设施。',
    actors: ['funders', 'research-organisations'],
    startYear: 2025,
    endYear: 2028,
    dependsOn: [action(1)],
    recommendations: [rec(121), rec(142)],
  },
  {
    id: action(3),
    titleEn: 'Launch a joint EU–China funding programme',
    titleZh: '启动中欧联合资助计划',
    descriptionEn: 'Aligned national calls and a joint programme for personalised medicine.',
    descriptionZh: '协调各国资助项目，设立个体化医学联合计划。',
    actors: ['funders'],
    horizon: 'medium',
    dependsOn: [action(1)],
    recommendations: [rec(151), rec(152)],
  },
  {
    id: action(4),
    titleEn: 'Train clinicians in genomics',
    titleZh: '培训临床医生掌握基因组学',
    descriptionEn: 'Curricula and continuing education in genomics and data literacy.',
    descriptionZh: '基因组学和数据素养的课程与继续教育。',
    actors: ['research-organisations', 'health-services'],
    horizon: 'short',
    dependsOn: [],
    recommendations: [rec(111), rec(153)],
  },
  {
    id: action(5),
    titleEn: 'Set up the roadmap’s monitoring board',
    titleZh: '成立路线图监测委员会',
    descriptionEn: 'The consortium follows the roadmap’s actions after the project ends.',
    descriptionZh: '项目结束后由联盟跟踪路线图各项行动。',
    actors: ['consortium'],
    horizon: 'long',
    dependsOn: [action(2), action(3)],
    recommendations: [],
    reason: 'Governance of the roadmap itself: no paper recommends it.',
  },
];

/** Seeds the roadmap draft into the project's roadmap document once (fixed ids: idempotent). */
export async function seedDemoRoadmap(manager: EntityManager, projectId: string): Promise<void> {
  const [roadmap]: Array<{ id: string }> = await manager.query(
    "SELECT id FROM documents WHERE project_id = $1 AND seed_key = 'roadmap'",
    [projectId],
  );
  if (!roadmap) return;
  for (const [i, a] of DEMO_ROADMAP.entries()) {
    await manager.query(
      `INSERT INTO roadmap_actions (id, project_id, document_id, position, title_en, title_zh, description_en, description_zh,
                                    actors, start_year, end_year, horizon, no_recommendation_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
      [
        a.id,
        projectId,
        roadmap.id,
        i + 1,
        a.titleEn,
        a.titleZh,
        a.descriptionEn,
        a.descriptionZh,
        a.actors,
        a.startYear ?? null,
        a.endYear ?? null,
        a.horizon ?? null,
        a.reason ?? null,
      ],
    );
  }
  for (const a of DEMO_ROADMAP) {
    for (const target of a.dependsOn)
      await manager.query(
        'INSERT INTO roadmap_action_dependencies (action_id, depends_on_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [a.id, target],
      );
    for (const recommendationId of a.recommendations)
      await manager.query(
        'INSERT INTO roadmap_action_recommendations (action_id, recommendation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [a.id, recommendationId],
      );
  }
}
