import { Injectable } from '@nestjs/common';
import { editorExtensions, EDITOR_FRAGMENT } from '@roundtable/editor-schema';
import { DocumentStore } from '@roundtable/api-collaboration';
import type { MeetingRecord } from '@roundtable/api-meetings';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ActionItemsRepository } from './action-items.repository';
import type { MinutesRow } from './minutes.repository';
import { minutesTemplate } from './minutes.template';

/**
 * Seeds new minutes with their template (ADR 013): times in the meeting's and the counterpart zones, the
 * attendees, the agenda and the group's open actions carried over. Through `DocumentStore.seedIfEmpty`, so
 * the collaboration server's generic seeding never runs for minutes.
 */
@Injectable()
export class MinutesSeeder {
  private readonly schema = getSchema(editorExtensions());

  constructor(
    private readonly items: ActionItemsRepository,
    private readonly store: DocumentStore,
  ) {}

  async seed(row: MinutesRow, record: MeetingRecord, occurrenceStart: Date): Promise<void> {
    const attendance = record.attendance
      .filter((a) => a.occurrenceStart.getTime() === occurrenceStart.getTime())
      .map((a) => a.personId);
    const names = new Map(record.invitees.map((i) => [i.person_id, i.display_name]));
    const yes = record.invitees.filter((i) => i.rsvp === 'yes').map((i) => i.person_id);
    const attendeeIds =
      attendance.length > 0 ? attendance : yes.length > 0 ? yes : record.invitees.map((i) => i.person_id);
    const carried = await this.items.openActionsOfGroupBefore(row.project_id, row.working_group_id, occurrenceStart);
    const json = minutesTemplate({
      meetingTitle: row.meeting_title,
      workingGroupCode: row.working_group_code,
      occurrenceStart,
      meetingZone: row.time_zone,
      inviteeZones: record.invitees.map((i) => i.time_zone),
      attendees: attendeeIds.map((id) => names.get(id) ?? '').filter(Boolean),
      agenda: record.agenda.map((a) => ({ title: a.title, presenterName: a.presenterName })),
      carried: carried.map((a) => ({ text: a.text, ownerName: a.owner_name, dueOn: a.due_on })),
    });
    await this.store.seedIfEmpty(row.document_id, () => {
      const doc = prosemirrorJSONToYDoc(this.schema, json, EDITOR_FRAGMENT);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return update;
    });
  }
}
