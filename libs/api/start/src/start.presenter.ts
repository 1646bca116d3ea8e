import type {
  ActionItemDto,
  CoChairVacancyDto,
  DocumentDto,
  PlanItemDto,
  StartDocumentDto,
  StartMeetingDto,
  StartMentionDto,
  StartPageDto,
  StartRequestDto,
  StartSectionDto,
} from '@roundtable/contracts';
import type { Occurrence } from '@roundtable/domain';
import type { MeetingRecord } from '@roundtable/api-meetings';
import type { PendingMinutes } from '@roundtable/api-minutes';
import type { Reviewable } from '@roundtable/api-open-call';

/** What the owning libs answered for one caller (each already filtered by the access policy). */
export interface StartFacts {
  /** The caller's profile (their RSVP is read from the invitees). */
  personId: string | null;
  /** Upcoming occurrences of the meetings the caller is invited to, by start. */
  meetings: Array<{ record: MeetingRecord; occurrence: Occurrence }>;
  /** The caller's action items (open ones first, by due date). */
  actions: ActionItemDto[];
  /** Documents the caller may read (papers; minutes are listed with their meetings). */
  documents: DocumentDto[];
  /** Per document, the earliest deliverable or milestone not yet done it counts toward. */
  deadlines: Map<string, PlanItemDto>;
  mentions: { items: StartMentionDto[]; total: number };
  /** Circulated minutes the caller may read. */
  minutes: PendingMinutes[];
  /** Applications waiting for the caller's review. */
  applications: Reviewable[];
  /** Only for coordinators: the coordinated projects' plan items, overdue actions and open co-chair seats. */
  risks: { items: PlanItemDto[]; overdueActions: ActionItemDto[]; vacancies: CoChairVacancyDto[] } | null;
}

function section<T>(all: readonly T[], limit: number): StartSectionDto<T> {
  return { items: all.slice(0, limit), total: all.length };
}

function presentMeeting(
  { record, occurrence }: StartFacts['meetings'][number],
  personId: string | null,
): StartMeetingDto {
  return {
    meetingId: record.meeting.id,
    title: record.meeting.title,
    workingGroupCode: record.workingGroupCode,
    start: occurrence.start.toISOString(),
    end: occurrence.end.toISOString(),
    timeZone: record.meeting.timeZone,
    inviteeZones: [...new Set(record.invitees.map((i) => i.time_zone))].sort(),
    myRsvp: record.invitees.find((i) => i.person_id === personId)?.rsvp ?? null,
  };
}

function presentDocument(document: DocumentDto, deadline: PlanItemDto | undefined): StartDocumentDto {
  return {
    id: document.id,
    title: document.title,
    type: document.type,
    workingGroupCode: document.workingGroupCode,
    status: document.status,
    updatedAt: document.updatedAt,
    deadline: deadline
      ? {
          planItemId: deadline.id,
          number: deadline.number,
          title: deadline.title,
          dueDate: deadline.dueDate,
          risk: deadline.risk,
        }
      : null,
  };
}

/** Documents the caller edits: those with a deadline first (soonest first), then the most recently changed. */
function editedDocuments(facts: StartFacts): StartDocumentDto[] {
  return facts.documents
    .filter((d) => d.access === 'write' && !d.locked)
    .map((d) => presentDocument(d, facts.deadlines.get(d.id)))
    .sort((a, b) => {
      if (a.deadline && b.deadline) return a.deadline.dueDate.localeCompare(b.deadline.dueDate);
      if (a.deadline || b.deadline) return a.deadline ? -1 : 1;
      return b.updatedAt.localeCompare(a.updatedAt);
    });
}

function requests(facts: StartFacts): StartRequestDto[] {
  return [
    ...facts.minutes
      .filter((m) => m.canApprove)
      .map((m): StartRequestDto => ({
        kind: 'minutes-approval',
        minutesId: m.summary.id,
        meetingTitle: m.summary.meetingTitle,
        workingGroupCode: m.summary.workingGroupCode,
        occurrenceStart: m.summary.occurrenceStart,
        commentsUntil: m.commentsUntil,
      })),
    ...facts.applications.map(({ application, call }): StartRequestDto => ({
      kind: 'application-review',
      applicationId: application.id,
      callId: call.id,
      callTitle: { en: call.titleEn, zh: call.titleZh },
      submittedAt: new Date(application.submittedAt).toISOString(),
    })),
  ];
}

function risks(facts: StartFacts, limit: number): StartPageDto['risks'] {
  if (!facts.risks) return null;
  const { items, overdueActions, vacancies } = facts.risks;
  return {
    overdueItems: section(
      items
        .filter((i) => i.risk === 'overdue')
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .map((i) => ({ planItemId: i.id, number: i.number, title: i.title, dueDate: i.dueDate })),
      limit,
    ),
    overdueActions: section(overdueActions, limit),
    coChairVacancies: section(
      vacancies.map((v) => ({
        workingGroupId: v.workingGroupId,
        workingGroupCode: v.workingGroupCode,
        region: v.region,
        openedAt: v.openedAt,
      })),
      limit,
    ),
    minutesAwaitingApproval: section(
      facts.minutes
        .filter((m) => m.coordinated)
        .map((m) => ({
          minutesId: m.summary.id,
          meetingTitle: m.summary.meetingTitle,
          workingGroupCode: m.summary.workingGroupCode,
          occurrenceStart: m.summary.occurrenceStart,
          approvals: m.approvals,
          approvalsNeeded: m.approvalsNeeded,
        })),
      limit,
    ),
  };
}

/** The start page from the owning libs' answers: each list bounded to `limit` items with its total. Pure. */
export function presentStart(facts: StartFacts, limit: number): StartPageDto {
  return {
    meetings: section(
      facts.meetings.map((m) => presentMeeting(m, facts.personId)),
      limit,
    ),
    actions: section(
      facts.actions.filter((a) => a.status === 'open'),
      limit,
    ),
    documents: section(editedDocuments(facts), limit),
    mentions: { items: facts.mentions.items.slice(0, limit), total: facts.mentions.total },
    requests: section(requests(facts), limit),
    risks: risks(facts, limit),
  };
}
