import type { MeetingType, RsvpResponse } from '@roundtable/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A meeting or a recurring series: the first start as a UTC instant plus the zone it was planned in, so that
 * occurrences keep their wall time in that zone. Minutes and action items (later) refer to a meeting and an
 * occurrence's original start, and to agenda item ids.
 */
@Entity({ name: 'meetings' })
export class Meeting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'working_group_id', type: 'uuid', nullable: true }) workingGroupId!: string | null;
  @Column('text') type!: MeetingType;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes!: number;
  @Column({ name: 'online_url', type: 'text', nullable: true }) onlineUrl!: string | null;
  @Column({ type: 'text', nullable: true }) place!: string | null;
  @Column({ type: 'text', nullable: true }) rrule!: string | null;
  @Column('text') status!: 'scheduled' | 'cancelled';
  /** iCalendar SEQUENCE: increases on every change, so calendars replace their copy. */
  @Column('integer') sequence!: number;
  @Column({ name: 'ical_uid', type: 'text' }) icalUid!: string;
  @Column({ name: 'organizer_person_id', type: 'uuid', nullable: true }) organizerPersonId!: string | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @Column({ name: 'seed_key', type: 'text', nullable: true }) seedKey!: string | null;
  /** How long before each occurrence invitees get a reminder (0: none); default 24 h. */
  @Column({ name: 'reminder_minutes_before', type: 'integer', default: 1440 }) reminderMinutesBefore!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One reminder sent: an occurrence (original start), the offset and the start it was sent for (ADR 014). */
@Entity({ name: 'meeting_reminders' })
export class MeetingReminder {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ name: 'original_start', type: 'timestamptz' }) originalStart!: Date;
  @PrimaryColumn({ name: 'offset_minutes', type: 'integer' }) offsetMinutes!: number;
  @PrimaryColumn({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column('integer') recipients!: number;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
}

@Entity({ name: 'meeting_agenda_items' })
export class MeetingAgendaItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  @Column('integer') position!: number;
  @Column('text') title!: string;
  @Column({ name: 'presenter_person_id', type: 'uuid', nullable: true }) presenterPersonId!: string | null;
  @Column({ name: 'minutes_allotted', type: 'integer', nullable: true }) minutesAllotted!: number | null;
  @Column({ name: 'document_ids', type: 'uuid', array: true }) documentIds!: string[];
}

@Entity({ name: 'meeting_invitees' })
export class MeetingInvitee {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ type: 'text', nullable: true }) rsvp!: RsvpResponse | null;
  @Column({ name: 'rsvp_at', type: 'timestamptz', nullable: true }) rsvpAt!: Date | null;
}

/** A change to one occurrence of a series, keyed by the start the rule gives it. */
@Entity({ name: 'meeting_exceptions' })
export class MeetingException {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ name: 'original_start', type: 'timestamptz' }) originalStart!: Date;
  @Column('boolean') cancelled!: boolean;
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true }) startsAt!: Date | null;
  @Column({ name: 'duration_minutes', type: 'integer', nullable: true }) durationMinutes!: number | null;
}

@Entity({ name: 'meeting_attendance' })
export class MeetingAttendance {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  @PrimaryColumn({ name: 'occurrence_start', type: 'timestamptz' }) occurrenceStart!: Date;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

/** A person's working hours for find-a-time, local to their zone (people.time_zone); absent = 08:00–20:00. */
@Entity({ name: 'person_working_hours' })
export class PersonWorkingHours {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ name: 'work_start_minute', type: 'smallint' }) workStartMinute!: number;
  @Column({ name: 'work_end_minute', type: 'smallint' }) workEndMinute!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const MEETING_ENTITIES = [
  Meeting,
  MeetingAgendaItem,
  MeetingInvitee,
  MeetingException,
  MeetingAttendance,
  PersonWorkingHours,
  MeetingReminder,
];
