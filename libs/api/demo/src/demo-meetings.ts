import type { MeetingType } from '@roundtable/contracts';
import { localToInstant } from '@roundtable/domain';
import type { EntityManager } from 'typeorm';

/**
 * The demo's meetings: the WG kick-off (March 2021), each group's monthly meetings as a series, the
 * harmonisation workshop on the position papers and the roadmap validation workshop. WG3 meets on
 * Beijing time, the others on Rome time, so both directions of the DST warning show.
 */
interface DemoMeeting {
  key: string;
  group: string | null;
  type: MeetingType;
  title: string;
  description: string;
  local: { date: string; time: string };
  zone: string;
  durationMinutes: number;
  rrule: string | null;
  place: string | null;
  onlineUrl: string | null;
  organizer: string;
  agenda: Array<{ title: string; minutes: number; presenter?: string }>;
}

const MONTHLY_AGENDA = [
  { title: 'Welcome and approval of the previous minutes', minutes: 10 },
  { title: 'Position papers: progress per dimension', minutes: 45 },
  { title: 'Open action items', minutes: 20 },
  { title: 'Any other business', minutes: 15 },
];

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    key: 'meeting:wg-kick-off',
    group: null,
    type: 'kick-off',
    title: 'Working groups kick-off',
    description:
      'Launch of the three EU–China working groups: aims, dimensions, ways of working and the position-paper plan.',
    local: { date: '2021-03-16', time: '10:00' },
    zone: 'Europe/Rome',
    durationMinutes: 180,
    rrule: null,
    place: null,
    onlineUrl: 'https://meet.example.org/ic2permed-kick-off',
    organizer: 'coordinator@example.org',
    agenda: [
      { title: 'Welcome and the IC2PerMed work plan', minutes: 20, presenter: 'coordinator@example.org' },
      { title: 'WG1, WG2, WG3: aims and dimensions', minutes: 90 },
      { title: 'Position papers: timeline and co-authoring', minutes: 45 },
      { title: 'Next steps', minutes: 25 },
    ],
  },
  ...(['WG1', 'WG2'] as const).map<DemoMeeting>((group, i) => ({
    key: `meeting:${group.toLowerCase()}-monthly`,
    group,
    type: 'wg-meeting',
    title: 'Monthly meeting',
    description: `Regular ${group} meeting of the EU and Chinese members.`,
    local: { date: i === 0 ? '2021-04-13' : '2021-04-14', time: '10:00' },
    zone: 'Europe/Rome',
    durationMinutes: 90,
    rrule: `FREQ=MONTHLY;BYDAY=${i === 0 ? '2TU' : '2WE'};COUNT=24`,
    place: null,
    onlineUrl: `https://meet.example.org/ic2permed-${group.toLowerCase()}`,
    organizer: `${group.toLowerCase()}-eu-cochair@example.org`,
    agenda: MONTHLY_AGENDA,
  })),
  {
    key: 'meeting:wg3-monthly',
    group: 'WG3',
    type: 'wg-meeting',
    title: 'Monthly meeting',
    description: 'Regular WG3 meeting of the EU and Chinese members, planned on Beijing time.',
    local: { date: '2021-04-08', time: '16:00' },
    zone: 'Asia/Shanghai',
    durationMinutes: 90,
    rrule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=24',
    place: null,
    onlineUrl: 'https://meet.example.org/ic2permed-wg3',
    organizer: 'wg3-cn-cochair@example.org',
    agenda: MONTHLY_AGENDA,
  },
  {
    key: 'meeting:harmonisation-workshop',
    group: null,
    type: 'harmonisation-workshop',
    title: 'Harmonisation workshop on the position papers',
    description: 'The three groups align their position papers: overlaps, gaps and shared recommendations.',
    local: { date: '2021-11-16', time: '09:00' },
    zone: 'Europe/Rome',
    durationMinutes: 240,
    rrule: null,
    place: 'Rome and online',
    onlineUrl: 'https://meet.example.org/ic2permed-harmonisation',
    organizer: 'coordinator@example.org',
    agenda: [
      { title: 'WG1 paper: key messages', minutes: 45, presenter: 'wg1-eu-cochair@example.org' },
      { title: 'WG2 paper: key messages', minutes: 45, presenter: 'wg2-cn-cochair@example.org' },
      { title: 'WG3 paper: key messages', minutes: 45, presenter: 'wg3-eu-cochair@example.org' },
      { title: 'Overlaps, gaps and shared recommendations', minutes: 105 },
    ],
  },
  {
    key: 'meeting:roadmap-validation-workshop',
    group: null,
    type: 'roadmap-validation-workshop',
    title: 'Roadmap validation workshop',
    description:
      'Validation of the EU–China personalised-medicine roadmap with the working groups and the advisory board.',
    local: { date: '2023-06-20', time: '09:00' },
    zone: 'Europe/Rome',
    durationMinutes: 240,
    rrule: null,
    place: null,
    onlineUrl: 'https://meet.example.org/ic2permed-roadmap',
    organizer: 'coordinator@example.org',
    agenda: [
      { title: 'The draft roadmap', minutes: 60, presenter: 'coordinator@example.org' },
      { title: 'Feedback from the working groups', minutes: 90 },
      { title: 'Advisory board remarks and validation', minutes: 90 },
    ],
  },
];

/** Inserts the demo meetings that are missing (keyed by seed_key), with agenda and invitees. */
export async function seedDemoMeetings(
  manager: EntityManager,
  projectId: string,
  groupIds: Map<string, string>,
): Promise<void> {
  const personOf = async (email: string): Promise<string | null> => {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM people WHERE lower(email) = lower($1)', [
      email,
    ]);
    return row?.id ?? null;
  };
  for (const meeting of DEMO_MEETINGS) {
    const groupId = meeting.group ? (groupIds.get(meeting.group) ?? null) : null;
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO meetings (project_id, working_group_id, type, title, description, starts_at, time_zone, duration_minutes, online_url, place, rrule,
                             ical_uid, organizer_person_id, seed_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, gen_random_uuid()::text || '@roundtable', $12, $13)
       ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
      [
        projectId,
        groupId,
        meeting.type,
        meeting.title,
        meeting.description,
        localToInstant(meeting.local, meeting.zone),
        meeting.zone,
        meeting.durationMinutes,
        meeting.onlineUrl,
        meeting.place,
        meeting.rrule,
        await personOf(meeting.organizer),
        meeting.key,
      ],
    );
    if (inserted.length === 0) continue;
    const id = inserted[0].id;
    for (const [position, item] of meeting.agenda.entries()) {
      await manager.query(
        'INSERT INTO meeting_agenda_items (meeting_id, position, title, presenter_person_id, minutes_allotted) VALUES ($1, $2, $3, $4, $5)',
        [id, position + 1, item.title, item.presenter ? await personOf(item.presenter) : null, item.minutes],
      );
    }
    // WG meetings: the group's members; project events: everyone in the project.
    await manager.query(
      groupId
        ? `INSERT INTO meeting_invitees (meeting_id, person_id)
             SELECT $1, person_id FROM memberships WHERE working_group_id = $2 AND left_on IS NULL ON CONFLICT DO NOTHING`
        : `INSERT INTO meeting_invitees (meeting_id, person_id)
             SELECT DISTINCT $1::uuid, person_id FROM (
               SELECT m.person_id FROM memberships m JOIN working_groups g ON g.id = m.working_group_id WHERE g.project_id = $2 AND m.left_on IS NULL
               UNION SELECT person_id FROM project_roles WHERE project_id = $2 AND revoked_at IS NULL) p
           ON CONFLICT DO NOTHING`,
      [id, groupId ?? projectId],
    );
  }
}
