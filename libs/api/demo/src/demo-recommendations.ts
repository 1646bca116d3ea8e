import { initialContent } from '@roundtable/api-collaboration';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';

interface DemoRecommendation {
  /** Fixed ids, so the registry rows and their links are stable across restarts. */
  id: string;
  title: string;
  body: string;
  addressee: string;
  horizon: 'short' | 'medium' | 'long';
  priority: 'high' | 'medium' | 'low';
  frameworks: string;
}

const rec = (n: number, fields: Omit<DemoRecommendation, 'id'>): DemoRecommendation => ({
  id: `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  ...fields,
});

/**
 * Recommendations in all six papers, in English and Chinese, with planted duplicates across groups (WG2 big
 * data 1 ↔ WG3 translation 2; WG1 awareness 2 ↔ WG3 translation 1, both in Chinese) and near-duplicates
 * (WG1 education 1 ↔ WG3 funding 3), for the registry and its duplicate candidates (issue 16).
 */
export const DEMO_RECOMMENDATIONS: Record<string, DemoRecommendation[]> = {
  'wg1-awareness': [
    rec(101, {
      title: 'Build health literacy on personalised medicine',
      body: 'National health literacy programmes should explain personalised medicine, genetic testing and the sharing of health data to citizens and patients.',
      addressee: 'policy-makers',
      horizon: 'short',
      priority: 'high',
      frameworks: 'icpermed-p1',
    }),
    rec(102, {
      title: '让患者组织参与研究设计',
      body: '患者组织应当从一开始就参与个体化医学研究的设计和研究优先事项的确定。',
      addressee: 'patient-organisations',
      horizon: 'medium',
      priority: 'high',
      frameworks: 'icpermed-p1',
    }),
  ],
  'wg1-education': [
    rec(111, {
      title: 'Integrate genomics into medical curricula',
      body: 'Medical and nursing schools should integrate genomics, bioinformatics and data literacy into their curricula.',
      addressee: 'research-organisations',
      horizon: 'medium',
      priority: 'high',
      frameworks: 'icpermed-p1,icpermed-p3',
    }),
    rec(112, {
      title: '建立个体化医学继续教育认证',
      body: '卫生服务机构应当为医生和护士建立个体化医学继续教育课程和认证。',
      addressee: 'health-services',
      horizon: 'medium',
      priority: 'medium',
      frameworks: 'icpermed-p1',
    }),
  ],
  'wg2-big-data': [
    rec(121, {
      title: 'Create interoperable health data infrastructures',
      body: 'Funders and governments should finance interoperable health data infrastructures that follow the FAIR principles.',
      addressee: 'funders',
      horizon: 'long',
      priority: 'high',
      frameworks: 'icpermed-p2',
    }),
    rec(122, {
      title: '建立国家级精准医学数据共享平台',
      body: '政府应当建立统一的精准医学数据共享平台，遵循FAIR原则，实现数据互操作。',
      addressee: 'policy-makers',
      horizon: 'long',
      priority: 'high',
      frameworks: 'icpermed-p2',
    }),
    rec(123, {
      title: 'Harmonise consent for cross-border data sharing',
      body: 'Policy makers in Europe and China should agree on consent models that allow health data to be shared across borders under GDPR and PIPL.',
      addressee: 'policy-makers',
      horizon: 'medium',
      priority: 'medium',
      frameworks: 'icpermed-p2',
    }),
  ],
  'wg2-market': [
    rec(131, {
      title: 'Adapt reimbursement to personalised diagnostics',
      body: 'Health services and payers should adapt reimbursement models so that validated personalised diagnostics reach patients.',
      addressee: 'health-services',
      horizon: 'medium',
      priority: 'high',
      frameworks: 'icpermed-p4,icpermed-p5',
    }),
    rec(132, {
      title: '支持中小企业获得监管审批',
      body: '监管机构应当为开发个体化医学产品的中小企业提供审批咨询服务。',
      addressee: 'industry',
      horizon: 'short',
      priority: 'medium',
      frameworks: 'icpermed-p4',
    }),
  ],
  'wg3-translation': [
    rec(141, {
      title: '加强患者组织在研究中的参与',
      body: '个体化医学研究应当让患者组织参与研究设计和研究优先事项的确定。',
      addressee: 'patient-organisations',
      horizon: 'medium',
      priority: 'high',
      frameworks: 'icpermed-p1',
    }),
    rec(142, {
      title: 'Fund shared data infrastructures for clinical research · 资助临床研究共享数据基础设施',
      body: 'Funders should finance shared, interoperable data infrastructures for clinical research that follow the FAIR principles. 资助方应当资助遵循FAIR原则的可互操作数据基础设施。',
      addressee: 'funders',
      horizon: 'long',
      priority: 'high',
      frameworks: 'icpermed-p2,icpermed-p3',
    }),
    rec(143, {
      title: 'Connect biobanks in a Europe–China network',
      body: 'Research organisations should connect their biobanks with common standards for samples and clinical annotations.',
      addressee: 'research-organisations',
      horizon: 'long',
      priority: 'medium',
      frameworks: 'icpermed-p3',
    }),
  ],
  'wg3-funding': [
    rec(151, {
      title: 'Align national research funding calls',
      body: 'Funders in Europe and China should align their calls on personalised medicine and open them to joint consortia.',
      addressee: 'funders',
      horizon: 'medium',
      priority: 'high',
      frameworks: 'icpermed-p3',
    }),
    rec(152, {
      title: '设立中欧联合资助计划',
      body: '中欧资助机构应当设立联合资助计划，支持个体化医学的合作研究。',
      addressee: 'funders',
      horizon: 'long',
      priority: 'medium',
      frameworks: 'icpermed-p3',
    }),
    rec(153, {
      title: 'Fund genomics training for clinicians',
      body: 'Funders should support training programmes that bring genomics and data literacy into the continuing education of clinicians.',
      addressee: 'funders',
      horizon: 'short',
      priority: 'low',
      frameworks: 'icpermed-p1',
    }),
  ],
};

/** The paper's template with its recommendations under "Recommendations · 建议". */
/** A paper's demo recommendations as blocks of the shared schema. */
export function recommendationBlocks(recommendations: DemoRecommendation[]): JSONContent[] {
  return recommendations.map(({ id, body, ...attrs }) => ({
    type: 'recommendation',
    attrs: { recId: id, ...attrs },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }],
  }));
}

export function paperWithRecommendations(title: string, recommendations: DemoRecommendation[]): JSONContent {
  const template = initialContent('position-paper', title);
  const content = [...(template.content ?? [])];
  const at = content.findIndex(
    (node) => node.type === 'heading' && node.content?.[0]?.text?.startsWith('Recommendations'),
  );
  content.splice(at + 1, 1, ...recommendationBlocks(recommendations));
  return { ...template, content };
}

/**
 * Stores the demo papers' content (template + recommendations) where a paper has no content yet, in the seed's
 * transaction, and tells every process (NOTIFY on commit) so the registry reads them at once.
 */
export async function seedDemoRecommendations(manager: EntityManager, projectId: string): Promise<void> {
  const schema = getSchema(editorExtensions());
  for (const [key, recommendations] of Object.entries(DEMO_RECOMMENDATIONS)) {
    const [paper]: Array<{ id: string; title_en: string; empty: boolean }> = await manager.query(
      `SELECT d.id, d.title_en,
              NOT EXISTS (SELECT 1 FROM document_updates u WHERE u.document_id = d.id)
              AND NOT EXISTS (SELECT 1 FROM document_snapshots s WHERE s.document_id = d.id) AS empty
         FROM documents d WHERE d.seed_key = $1 AND d.project_id = $2`,
      [key, projectId],
    );
    if (!paper?.empty) continue;
    const doc = prosemirrorJSONToYDoc(
      schema,
      paperWithRecommendations(paper.title_en, recommendations),
      EDITOR_FRAGMENT,
    );
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    const [{ id }]: Array<{ id: string }> = await manager.query(
      'INSERT INTO document_updates (document_id, data) VALUES ($1, $2) RETURNING id',
      [paper.id, state],
    );
    await manager.query("SELECT pg_notify('roundtable_doc', $1)", [`${paper.id}:${id}`]);
  }
}
