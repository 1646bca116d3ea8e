import ICAL from 'ical.js';
import type { SinkMessage } from './smtp-sink';

/** Parses an .ics with ical.js, registering its VTIMEZONEs as a calendar client would. */
export function parseIcs(ics: string): { method: string | null; events: ICAL.Event[] } {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown as unknown[]);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, events };
}

/** Every occurrence start (UTC ISO) of one UID's events as ical.js expands them: overrides applied, EXDATEs dropped. */
export function expandOccurrences(events: ICAL.Event[]): string[] {
  const master = events.find((e) => !e.isRecurrenceException());
  if (!master) throw new Error('no master event');
  for (const e of events) if (e.isRecurrenceException()) master.relateException(e);
  const iterator = master.iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next())
    out.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
  return out;
}

/** The text of a mail's meeting.ics attachment. */
export function icsAttachment(message: SinkMessage): string {
  const attachment = message.parsed.attachments.find((a) => a.filename === 'meeting.ics');
  if (!attachment) throw new Error(`no meeting.ics on "${message.subject}"`);
  return attachment.content.toString('utf8');
}
