import { occurrencesOf, parseRRule } from '@roundtable/domain';
import { minutesTemplate } from '@roundtable/api-minutes';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';

/**
 * Demo minutes for the monthly meetings of each group: the first two occurrences approved by both
 * co-chairs (locked, with their frozen 'approved' version), with decisions and action items — one of them
 * still open, so "My actions" shows it overdue and the next agenda carries it — and the third a draft.
 */
const GROUPS = ['WG1', 'WG2', 'WG3'] as const;

interface DemoMinutes {
  occurrence: number;
  approved: boolean;
  discussion: string;
  decision: string;
  actions: Array<{
    text: string;
    owner: 'eu-cochair' | 'cn-cochair' | 'expert';
    dueOn: string;
    status: 'open' | 'done';
  }>;
}

const MINUTES: DemoMinutes[] = [
  {
    occurrence: 0,
    approved: true,
    discussion:
      'The group reviewed the dimensions of its position paper and agreed on a shared outline and a survey of practice in Europe and China.',
    decision: 'Adopt the shared outline of the position paper (five chapters).',
    actions: [
      { text: 'Circulate the outline to all members', owner: 'eu-cochair', dueOn: '2021-04-30', status: 'done' },
      { text: 'Collect case studies from Chinese partners', owner: 'cn-cochair', dueOn: '2021-05-07', status: 'done' },
    ],
  },
  {
    occurrence: 1,
    approved: true,
    discussion:
      'Case studies from both regions were presented; the group discussed data-sharing rules and the timeline of the first draft.',
    decision: 'The first full draft is due before the harmonisation workshop.',
    actions: [
      { text: 'Draft the chapter on data-sharing rules', owner: 'expert', dueOn: '2021-06-30', status: 'open' },
      { text: 'Prepare the comparison table of regulations', owner: 'cn-cochair', dueOn: '2021-06-04', status: 'done' },
    ],
  },
  { occurrence: 2, approved: false, discussion: 'Notes being taken.', decision: '', actions: [] },
];

const schema = getSchema(editorExtensions());

function withDiscussion(template: JSONContent, discussion: string): JSONContent {
  return {
    ...template,
    content: [...(template.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: discussion }] }],
  };
}

export async function seedDemoMinutes(manager: EntityManager, projectId: string): Promise<void> {
  const people = new Map<string, { personId: string; userId: string | null; name: string; zone: string }>();
  const rows: Array<{
    email: string;
    person_id: string;
    user_id: string | null;
    display_name: string;
    time_zone: string;
  }> = await manager.query(
    `SELECT p.email, p.id AS person_id, u.id AS user_id, p.display_name, p.time_zone FROM people p LEFT JOIN users u ON u.person_id = p.id WHERE p.email LIKE 'wg%'`,
  );
  for (const r of rows)
    people.set(r.email, { personId: r.person_id, userId: r.user_id, name: r.display_name, zone: r.time_zone });

  for (const group of GROUPS) {
    const lower = group.toLowerCase();
    const [meeting]: Array<{
      id: string;
      working_group_id: string;
      title: string;
      starts_at: Date;
      time_zone: string;
      duration_minutes: number;
      rrule: string;
    }> = await manager.query(
      'SELECT id, working_group_id, title, starts_at, time_zone, duration_minutes, rrule FROM meetings WHERE seed_key = $1 AND project_id = $2',
      [`meeting:${lower}-monthly`, projectId],
    );
    if (!meeting) continue;
    const rule = parseRRule(meeting.rrule);
    const occurrences = occurrencesOf(
      {
        start: meeting.starts_at,
        zone: meeting.time_zone,
        durationMinutes: meeting.duration_minutes,
        rule: rule.ok ? rule.rule : null,
      },
      [],
    );
    const agenda: Array<{ id: string; title: string }> = await manager.query(
      'SELECT id, title FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position',
      [meeting.id],
    );
    const person = (role: string) => people.get(`${lower}-${role}@example.org`);
    const invitees = [person('eu-cochair'), person('cn-cochair'), person('expert')].filter((p) => p !== undefined);
    for (const spec of MINUTES) {
      const occurrence = occurrences[spec.occurrence];
      const key = `minutes:${lower}-monthly:${spec.occurrence}`;
      const [exists] = await manager.query('SELECT 1 FROM documents WHERE seed_key = $1', [key]);
      if (exists || !occurrence) continue;
      const day = occurrence.start.toISOString().slice(0, 10);
      const [{ id: documentId }] = await manager.query(
        `INSERT INTO documents (project_id, working_group_id, type, title_en, title_zh, status, seed_key)
         VALUES ($1, $2, 'minutes', $3, $4, 'draft', $5) RETURNING id`,
        [
          projectId,
          meeting.working_group_id,
          `Minutes: ${group} ${meeting.title} (${day})`,
          `会议纪要：${group} ${meeting.title}（${day}）`,
          key,
        ],
      );
      const json = withDiscussion(
        minutesTemplate({
          meetingTitle: meeting.title,
          workingGroupCode: group,
          occurrenceStart: occurrence.start,
          meetingZone: meeting.time_zone,
          inviteeZones: invitees.map((p) => p.zone),
          attendees: invitees.map((p) => p.name),
          agenda: agenda.map((a) => ({ title: a.title, presenterName: null })),
          carried: [],
        }),
        spec.discussion,
      );
      const doc = prosemirrorJSONToYDoc(schema, json, EDITOR_FRAGMENT);
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      doc.destroy();
      await manager.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [documentId, state]);
      const eu = person('eu-cochair');
      const cn = person('cn-cochair');
      const [{ id: minutesId }] = await manager.query(
        `INSERT INTO meeting_minutes (meeting_id, occurrence_start, document_id, status, circulated_at, comments_until, approved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          meeting.id,
          occurrence.originalStart,
          documentId,
          spec.approved ? 'approved' : 'draft',
          spec.approved ? new Date(occurrence.end.getTime() + 86_400_000) : null,
          spec.approved ? new Date(occurrence.end.getTime() + 8 * 86_400_000) : null,
          spec.approved ? new Date(occurrence.end.getTime() + 9 * 86_400_000) : null,
        ],
      );
      if (spec.approved && eu?.userId && cn?.userId) {
        for (const [i, chair] of [eu, cn].entries()) {
          await manager.query(
            'INSERT INTO minutes_approvals (minutes_id, user_id, person_id, approved_at) VALUES ($1, $2, $3, $4)',
            [minutesId, chair.userId, chair.personId, new Date(occurrence.end.getTime() + (8 + i) * 86_400_000)],
          );
        }
        // The frozen snapshot, rendered the way DocumentContentService renders a stored state.
        const root = schema.nodeFromJSON(json);
        const [{ id: versionId }] = await manager.query(
          `INSERT INTO document_versions (document_id, kind, name, state, html, text, created_by_user_id) VALUES ($1, 'approved', 'Approved', $2, $3, $4, $5) RETURNING id`,
          [
            documentId,
            state,
            generateHTML(json, editorExtensions()),
            root.textBetween(0, root.content.size, '\n', '\n'),
            cn.userId,
          ],
        );
        await manager.query('UPDATE meeting_minutes SET approved_version_id = $2 WHERE id = $1', [
          minutesId,
          versionId,
        ]);
        await manager.query(
          `UPDATE documents SET locked_at = $2, locked_by_user_id = $3, locked_reason = 'Approved minutes' WHERE id = $1`,
          [documentId, new Date(occurrence.end.getTime() + 9 * 86_400_000), cn.userId],
        );
      }
      if (spec.decision) {
        await manager.query('INSERT INTO meeting_decisions (minutes_id, text, agenda_item_id) VALUES ($1, $2, $3)', [
          minutesId,
          spec.decision,
          agenda[1]?.id ?? null,
        ]);
      }
      for (const action of spec.actions) {
        const owner = person(action.owner);
        if (!owner) continue;
        await manager.query(
          `INSERT INTO action_items (minutes_id, text, owner_person_id, due_on, status, agenda_item_id) VALUES ($1, $2, $3, $4, $5, $6)`,
          [minutesId, action.text, owner.personId, action.dueOn, action.status, agenda[1]?.id ?? null],
        );
      }
    }
  }
}
