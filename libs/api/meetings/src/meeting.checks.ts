import { Injectable } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import type { AgendaItemDto as AgendaInput } from './meetings.dto';
import type { MeetingRecord } from './meeting.record';
import { MeetingRepository } from './meeting.repository';
import { badRequest } from './meeting.schedule';

/**
 * The checks of a meeting change that depend on the request body (the policy guard has checked the
 * resource): the people, documents and agenda items it names must belong to the project or meeting.
 */
@Injectable()
export class MeetingChecks {
  constructor(private readonly meetings: MeetingRepository) {}

  /** The meeting about to change; PolicyGuard has checked 'meeting.schedule'. A cancelled meeting changes no more. */
  async loadForChange(id: string, options: { allowCancelled?: boolean } = {}): Promise<MeetingRecord> {
    const record = await this.meetings.load(id);
    if (record.meeting.status === 'cancelled' && !options.allowCancelled)
      throw new ApiException(ErrorCode.MeetingCancelled, 'This meeting is cancelled and can no longer be changed.');
    return record;
  }

  async groupOfProject(workingGroupId: string, projectId: string): Promise<void> {
    if (!(await this.meetings.isGroupOfProject(workingGroupId, projectId)))
      throw badRequest([
        {
          field: 'workingGroupId',
          code: 'unknownWorkingGroup',
          message: 'workingGroupId is not a working group of this project',
        },
      ]);
  }

  /** Everyone invited must belong to the project (a group member or a project role). */
  async people(projectId: string, personIds: readonly string[], field: string): Promise<void> {
    const error = await this.strangers(projectId, personIds, field);
    if (error) throw badRequest([error]);
  }

  /** The error naming those of `personIds` who are not people of the project, if any. */
  private async strangers(projectId: string, personIds: readonly string[], field: string): Promise<FieldError | null> {
    if (personIds.length === 0) return null;
    const known = await this.meetings.peopleOfProject(projectId, personIds);
    const unknown = [...new Set(personIds)].filter((p) => !known.has(p));
    return unknown.length > 0
      ? { field, code: 'unknownPerson', message: `not people of this project: ${unknown.join(', ')}` }
      : null;
  }

  /** Presenters are people of the project, documents are the project's, kept ids are this meeting's items. */
  async agenda(projectId: string, agenda: readonly AgendaInput[], meetingId?: string): Promise<void> {
    const errors: FieldError[] = [];
    const presenters = agenda.map((a) => a.presenterPersonId).filter((p): p is string => Boolean(p));
    const strangers = await this.strangers(projectId, presenters, 'agenda.presenterPersonId');
    if (strangers) errors.push(strangers);
    const documentIds = [...new Set(agenda.flatMap((a) => a.documentIds ?? []))];
    if (documentIds.length > 0) {
      const known = await this.meetings.documentsOfProject(projectId, documentIds);
      agenda.forEach((a, i) => {
        const unknown = (a.documentIds ?? []).filter((d) => !known.has(d));
        if (unknown.length > 0)
          errors.push({
            field: `agenda.${i}.documentIds`,
            code: 'unknownDocument',
            message: `not documents of this project: ${unknown.join(', ')}`,
          });
      });
    }
    const ids = agenda.map((a) => a.id).filter((id): id is string => Boolean(id));
    if (ids.length > 0) {
      const known = meetingId ? await this.meetings.agendaItemsOf(meetingId, ids) : new Set<string>();
      agenda.forEach((a, i) => {
        if (a.id && !known.has(a.id))
          errors.push({
            field: `agenda.${i}.id`,
            code: 'unknownAgendaItem',
            message: 'id is not an agenda item of this meeting',
          });
      });
    }
    if (errors.length > 0) throw badRequest(errors);
  }
}
