import { counterpartZones, formatInZones } from '@roundtable/domain';
import type { JSONContent } from '@tiptap/core';

export interface MinutesTemplateInput {
  meetingTitle: string;
  workingGroupCode: string | null;
  occurrenceStart: Date;
  meetingZone: string;
  inviteeZones: readonly string[];
  /** Names of the attendees (recorded attendance, else the invitees who said yes, else every invitee). */
  attendees: readonly string[];
  agenda: ReadonlyArray<{ title: string; presenterName: string | null }>;
  /** Open actions carried over from earlier meetings. */
  carried: ReadonlyArray<{ text: string; ownerName: string; dueOn: string | null }>;
}

const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: text(value),
});
const paragraph = (value = ''): JSONContent => ({ type: 'paragraph', content: text(value) });
const list = (type: 'bulletList' | 'orderedList', items: readonly string[]): JSONContent =>
  items.length === 0
    ? paragraph('—')
    : { type, content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };

/**
 * The first content of a minutes document (bilingual headings like every template): the time in the
 * meeting's zone and the counterpart zones, attendees, agenda with a section per item, and the open actions.
 */
export function minutesTemplate(input: MinutesTemplateInput): JSONContent {
  const zones = [input.meetingZone, ...counterpartZones(input.meetingZone, input.inviteeZones)];
  const when = formatInZones(input.occurrenceStart, zones, 'en')
    .map((z) => `${z.text} (${z.city}, ${z.offset})`)
    .join(' / ');
  const title = `${input.workingGroupCode ? `${input.workingGroupCode} ` : ''}${input.meetingTitle}`;
  return {
    type: 'doc',
    content: [
      heading(1, `Minutes · 会议纪要: ${title}`),
      paragraph(`When · 时间: ${when}`),
      heading(2, 'Attendees · 出席者'),
      list('bulletList', input.attendees),
      heading(2, 'Agenda · 议程'),
      list(
        'orderedList',
        input.agenda.map((a) => (a.presenterName ? `${a.title} (${a.presenterName})` : a.title)),
      ),
      heading(2, 'Open actions carried over · 遗留行动项'),
      list(
        'bulletList',
        input.carried.map((a) => `${a.text} — ${a.ownerName}${a.dueOn ? `, ${a.dueOn}` : ''}`),
      ),
      ...input.agenda.flatMap((a, i) => [heading(3, `${i + 1}. ${a.title}`), paragraph()]),
      heading(2, 'Discussion · 讨论'),
      paragraph(),
    ],
  };
}
