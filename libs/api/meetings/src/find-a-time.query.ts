import { Injectable } from '@nestjs/common';
import { ErrorCode, type FindTimeResponse } from '@roundtable/contracts';
import { can, findSlots, type Actor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { HolidaysService } from './holidays.service';
import type { FindTimeDto } from './meetings.dto';
import { MeetingChecks } from './meeting.checks';
import { MeetingRepository } from './meeting.repository';
import { badRequest } from './meeting.schedule';
import { presentFindTime, presentParticipant } from './working-hours.presenter';

const DAY = 86_400_000;

function addDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
}

/** Slots inside every participant's working hours, avoiding weekends and their public holidays. */
@Injectable()
export class FindTimeQuery {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly checks: MeetingChecks,
    private readonly holidays: HolidaysService,
  ) {}

  async run(actor: Actor, projectId: string, body: FindTimeDto): Promise<FindTimeResponse> {
    const workingGroupId = body.workingGroupId ?? null;
    if (workingGroupId) await this.checks.groupOfProject(workingGroupId, projectId);
    // Which group is asked about comes from the body, so this check stays here (ADR 020).
    if (!can(actor, 'meeting.findTime', { projectId, workingGroupIds: workingGroupId ? [workingGroupId] : [] })) {
      throw new ApiException(ErrorCode.Forbidden, 'Only those who schedule meetings look for a time.');
    }
    const personIds = body.personIds ?? (workingGroupId ? await this.meetings.groupMemberIds(workingGroupId) : []);
    if (personIds.length === 0)
      throw badRequest(
        ['personIds', 'workingGroupId'].map((field) => ({
          field,
          code: 'peopleOrGroup',
          message: 'give personIds or a workingGroupId with members',
        })),
      );
    await this.checks.people(projectId, personIds, 'personIds');
    const participants = (await this.meetings.participants(personIds)).map(presentParticipant);
    const from = new Date(`${body.from}T00:00:00Z`);
    if (Number.isNaN(from.getTime()))
      throw badRequest([{ field: 'from', code: 'isCalendarDate', message: 'from must be a real date' }]);
    const to = new Date(from.getTime() + body.days * DAY);
    const slots = findSlots({
      invitees: participants.map((p) => ({
        id: p.personId,
        zone: p.timeZone,
        country: p.country,
        workStart: p.workStart,
        workEnd: p.workEnd,
      })),
      durationMinutes: body.durationMinutes,
      from,
      to,
      limit: 30,
      spacingMinutes: 60,
      isHoliday: (country, date) => this.holidays.isHoliday(country, date),
    });
    const lastDay = new Date(to.getTime() + DAY).toISOString().slice(0, 10);
    return presentFindTime(
      slots,
      participants,
      this.holidays.between(
        participants.map((p) => p.country),
        addDay(body.from, -1),
        lastDay,
      ),
    );
  }
}
