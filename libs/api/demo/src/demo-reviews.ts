import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DEMO_RECOMMENDATIONS, recommendationBlocks } from './demo-recommendations';

/**
 * Review rounds in the demo (ADR 041): a responded round on the WG1 education outline with two outside
 * reviewers' comments and the authors' dispositions, and an open round on the WG2 market outline. Reviewers
 * are role-named placeholders at example addresses; their links are not usable (a random hash, no token).
 */
const OUTLINES: Record<string, { sections: Array<[string, string]> }> = {
  'wg1-education': {
    sections: [
      ['Purpose', 'Personalised medicine needs professionals trained across genomics, data science and care.'],
      ['Curricula', 'Medical schools in Europe and China should share one core curriculum for personalised medicine.'],
      ['Continuing education', 'Hospitals should offer continuing education on genomic testing to every clinician.'],
    ],
  },
  'wg2-market': {
    sections: [
      ['Purpose', 'Innovations in personalised medicine reach patients only when they can be priced and reimbursed.'],
      ['Barriers', 'Regulatory pathways for companion diagnostics differ between the EU and China.'],
    ],
  },
};

const QUESTIONS = [
  { id: 'q1', textEn: 'Relevance to your priorities', textZh: '与贵方重点的相关性', scaleMax: 5 },
  { id: 'q2', textEn: 'Feasibility of the recommendations', textZh: '建议的可行性', scaleMax: 5 },
  { id: 'q3', textEn: 'What is missing?', textZh: '还缺少什么？', scaleMax: null },
];

/**
 * The outline as reviewed: its sections, then the paper's demo recommendations (ADR 042) at the end, so that
 * the review comments' offsets in the sections above stay where they are.
 */
function outlineJson(key: string, title: string, sections: Array<[string, string]>): JSONContent {
  const recommendations = DEMO_RECOMMENDATIONS[key] ?? [];
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
      ...sections.flatMap(([heading, text]) => [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] },
        { type: 'paragraph', content: [{ type: 'text', text }] },
      ]),
      ...(recommendations.length > 0
        ? [
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Recommendations' }] },
            ...recommendationBlocks(recommendations),
          ]
        : []),
    ],
  };
}

/** Text as `textOfHtml` reads the version's HTML (offsets of the demo comments count in it). */
function textOf(json: JSONContent): string {
  return (json.content ?? []).map((n) => (n.content ?? []).map((c) => c.text ?? '').join('')).join('');
}

export async function seedDemoReviews(manager: EntityManager): Promise<void> {
  const schema = getSchema(editorExtensions());
  const [done] = await manager.query('SELECT 1 FROM review_rounds LIMIT 1');
  if (done) return;
  const user = async (email: string): Promise<string | null> =>
    ((await manager.query('SELECT id FROM users WHERE lower(email) = $1', [email]))[0]?.id as string) ?? null;
  const cochair1 = await user('wg1-eu-cochair@example.org');
  const cochair2 = await user('wg2-cn-cochair@example.org');
  const expert1 = await user('wg1-expert@example.org');

  const frozen = async (key: string, name: string, by: string | null) => {
    const [document]: Array<{ id: string; title_en: string }> = await manager.query(
      'SELECT id, title_en FROM documents WHERE seed_key = $1',
      [key],
    );
    if (!document) return null;
    const json = outlineJson(key, document.title_en, OUTLINES[key].sections);
    const doc = prosemirrorJSONToYDoc(schema, json, EDITOR_FRAGMENT);
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    // The outline's content, unless someone already wrote in it; the recommendations registry reads it at commit.
    const [{ id: updateId }] = await manager.query('SELECT roundtable_seed_document($1, $2) AS id', [
      document.id,
      state,
    ]);
    if (updateId !== null)
      await manager.query("SELECT pg_notify('roundtable_doc', $1)", [`${document.id}:${updateId}`]);
    const root = schema.nodeFromJSON(json);
    const [{ id: versionId }] = await manager.query(
      `INSERT INTO document_versions (document_id, kind, name, state, html, text, created_by_user_id)
       VALUES ($1, 'named', $2, $3, $4, $5, $6) RETURNING id`,
      [
        document.id,
        name,
        state,
        generateHTML(json, editorExtensions()),
        root.textBetween(0, root.content.size, '\n', '\n'),
        by,
      ],
    );
    return { documentId: document.id as string, versionId: versionId as string, text: textOf(json) };
  };

  const wg1 = await frozen('wg1-education', 'M18 outline review · 评审', cochair1);
  if (wg1) {
    const [{ id: roundId }] = await manager.query(
      `INSERT INTO review_rounds (document_id, version_id, name, opens_at, closes_at, instructions_en, instructions_zh, questions,
                                  status, closed_at, responded_at, created_by_user_id)
       VALUES ($1, $2, 'M18 outline review', '2021-06-01T08:00:00Z', '2021-06-21T16:00:00Z', $3, $4, $5,
               'responded', '2021-06-21T16:00:00Z', '2021-07-05T10:00:00Z', $6) RETURNING id`,
      [
        wg1.documentId,
        wg1.versionId,
        'Please tell us whether the outline addresses your priorities and what is missing.',
        '请告诉我们该提纲是否符合贵方的重点，以及还缺少什么。',
        JSON.stringify(QUESTIONS),
        cochair1,
      ],
    );
    const reviewer = async (
      name: string,
      organisation: string,
      type: string,
      email: string,
      locale: string,
      answers: unknown,
    ) =>
      (
        await manager.query(
          `INSERT INTO review_reviewers (round_id, name, organisation, type, email, locale, token_hash, token_expires_at,
                                         invited_by_user_id, invited_at, first_used_at, submitted_at, consent_named, answers)
           VALUES ($1, $2, $3, $4, $5, $6, sha256(gen_random_uuid()::text::bytea), '2021-10-03T10:00:00Z', $7, '2021-06-01T08:00:00Z',
                   '2021-06-03T09:00:00Z', '2021-06-15T09:00:00Z', $8, $9) RETURNING id`,
          [roundId, name, organisation, type, email, locale, cochair1, type === 'funder', JSON.stringify(answers)],
        )
      )[0].id as string;
    const funder = await reviewer(
      'Programme officer',
      'Example Research Council',
      'funder',
      'programme.officer@funder.example',
      'en',
      [
        { questionId: 'q1', scale: 5, text: 'Training is one of our priorities.' },
        { questionId: 'q2', scale: 3, text: null },
        { questionId: 'q3', scale: null, text: 'Funding instruments for joint curricula.' },
      ],
    );
    const ministry = await reviewer(
      'Policy adviser',
      'Example Ministry of Health',
      'ministry',
      'policy.adviser@ministry.example',
      'zh-CN',
      [
        { questionId: 'q1', scale: 4, text: '与我们的人才培养规划相关。' },
        { questionId: 'q2', scale: 4, text: null },
      ],
    );
    const passage = (sentence: string) => {
      const start = wg1.text.indexOf(sentence);
      return { quote: sentence, start, end: start + sentence.length };
    };
    const curriculum = passage(OUTLINES['wg1-education'].sections[1][1]);
    const continuing = passage(OUTLINES['wg1-education'].sections[2][1]);
    const comments: Array<
      [string, { quote: string; start: number; end: number } | null, string, string, string | null, string | null]
    > = [
      [
        funder,
        curriculum,
        'Say who would accredit a shared core curriculum.',
        'partly-accepted',
        'We name the accreditation bodies to involve; a joint accreditation is beyond this paper.',
        '我们列出了应参与的认证机构；联合认证超出了本文范围。',
      ],
      [
        ministry,
        curriculum,
        '建议说明与国家住院医师规范化培训的衔接。',
        'accepted',
        'Added a section on residency training.',
        '已增加关于住院医师规范化培训的一节。',
      ],
      [
        ministry,
        continuing,
        '继续教育的经费来源是什么？',
        'out-of-scope',
        'Financing is addressed by the WG3 funding paper.',
        '经费问题由第三工作组的出资协调文件讨论。',
      ],
      [funder, null, 'A clear and useful outline.', 'noted', 'Thank you.', '谢谢。'],
    ];
    for (const [i, [reviewerId, anchor, body, disposition, en, zh]] of comments.entries()) {
      await manager.query(
        `INSERT INTO review_comments (round_id, reviewer_id, number, quote, quote_start, quote_end, body, created_at, disposition,
                                      response_en, response_zh, change_links, disposed_by_user_id, disposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2021-06-10T09:00:00Z', $8, $9, $10, $11, $12, '2021-07-01T09:00:00Z')`,
        [
          roundId,
          reviewerId,
          i + 1,
          anchor?.quote ?? null,
          anchor?.start ?? null,
          anchor?.end ?? null,
          body,
          disposition,
          en,
          zh,
          JSON.stringify(
            disposition === 'accepted' || disposition === 'partly-accepted'
              ? [`/documents/${wg1.documentId}/versions/${wg1.versionId}/diff`]
              : [],
          ),
          expert1 ?? cochair1,
        ],
      );
    }
  }

  const wg2 = await frozen('wg2-market', 'M18 outline review · 评审', cochair2);
  if (wg2) {
    const [{ id: roundId }] = await manager.query(
      `INSERT INTO review_rounds (document_id, version_id, name, opens_at, closes_at, instructions_en, instructions_zh, questions, status, created_by_user_id)
       VALUES ($1, $2, 'M18 outline review', now() - interval '2 days', now() + interval '12 days', $3, $4, $5, 'open', $6) RETURNING id`,
      [
        wg2.documentId,
        wg2.versionId,
        'Please comment on the barriers we list.',
        '请就我们列出的障碍发表意见。',
        JSON.stringify(QUESTIONS),
        cochair2,
      ],
    );
    for (const [name, organisation, type, email] of [
      ['Reimbursement officer', 'Example Health Insurance Agency', 'agency', 'reimbursement.officer@agency.example'],
      [
        'Patient representative',
        'Example Patients’ Association',
        'patient-organisation',
        'representative@patients.example',
      ],
    ]) {
      await manager.query(
        `INSERT INTO review_reviewers (round_id, name, organisation, type, email, locale, token_hash, token_expires_at, invited_by_user_id)
         VALUES ($1, $2, $3, $4, $5, 'en', sha256(gen_random_uuid()::text::bytea), now() + interval '12 days', $6)`,
        [roundId, name, organisation, type, email, cochair2],
      );
    }
  }
}
