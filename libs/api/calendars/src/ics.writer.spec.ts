import ICAL from 'ical.js';
import { escapeText, foldLine, transitions, writeCalendar, type IcsEvent } from './ics.writer';

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics) as unknown as unknown[]);
}

/** Registers the calendar's VTIMEZONEs with ical.js, as a client would, and returns its events. */
function events(ics: string): ICAL.Event[] {
  const calendar = parse(ics);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const base: IcsEvent = {
  uid: 'meeting-1@roundtable',
  sequence: 3,
  stamp: new Date('2026-01-05T12:00:00Z'),
  summary: 'WG1 monthly meeting; agenda, minutes',
  description: 'Line one\nLine two with a back\\slash',
  location: 'Roma, Sala A',
  when: { kind: 'timed', start: new Date('2026-02-10T09:00:00Z'), zone: 'Europe/Rome', durationMinutes: 90 },
  organizer: { name: 'WG1 EU co-chair', email: 'wg1-eu-cochair@example.org' },
  attendees: [
    { name: 'WG1 China co-chair', email: 'wg1-cn-cochair@example.org', partstat: 'ACCEPTED' },
    { name: 'WG1 "quoted" expert', email: 'wg1-expert@example.org' },
  ],
};

afterEach(() => ICAL.TimezoneService.reset());

describe('writeCalendar', () => {
  it('writes a single meeting that ical.js reads back with its zone, times, people and escaping', () => {
    const ics = writeCalendar({ method: 'REQUEST', events: [base] });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;TZID=Europe/Rome:20260210T100000');
    const [event] = events(ics);
    expect(event.uid).toBe('meeting-1@roundtable');
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe('WG1 monthly meeting; agenda, minutes');
    expect(event.description).toBe('Line one\nLine two with a back\\slash');
    expect(event.location).toBe('Roma, Sala A');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-02-10T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-02-10T10:30:00.000Z');
    expect(event.organizer).toBe('mailto:wg1-eu-cochair@example.org');
    expect(event.attendees.map((a) => [a.getParameter('cn'), a.getParameter('partstat'), a.getFirstValue()])).toEqual([
      ['WG1 China co-chair', 'ACCEPTED', 'mailto:wg1-cn-cochair@example.org'],
      ['WG1 quoted expert', 'NEEDS-ACTION', 'mailto:wg1-expert@example.org'],
    ]);
    expect(parse(ics).getFirstPropertyValue('method')).toBe('REQUEST');
  });

  it('writes a series with EXDATE and a moved occurrence; ical.js expands it at 10:00 Rome across DST', () => {
    const series: IcsEvent = {
      ...base,
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6',
      exdates: [new Date('2026-05-12T08:00:00Z')],
    };
    const moved: IcsEvent = {
      ...base,
      recurrenceId: new Date('2026-04-14T08:00:00Z'),
      when: { kind: 'timed', start: new Date('2026-04-15T12:00:00Z'), zone: 'Europe/Rome', durationMinutes: 60 },
    };
    const [master, override] = events(writeCalendar({ events: [series, moved] }));
    master.relateException(override);
    const iterator = master.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      starts.push(details.startDate.toJSDate().toISOString());
    }
    expect(starts).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-04-15T12:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
      '2026-07-14T08:00:00.000Z',
    ]);
    expect(override.recurrenceId.toJSDate().toISOString()).toBe('2026-04-14T08:00:00.000Z');
  });

  it('marks a cancelled event', () => {
    const ics = writeCalendar({ method: 'CANCEL', events: [{ ...base, status: 'CANCELLED', sequence: 4 }] });
    const [event] = events(ics);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(4);
  });

  it('writes all-day events (deadlines) and UTC events', () => {
    const ics = writeCalendar({
      events: [
        {
          uid: 'd1',
          sequence: 0,
          stamp: base.stamp,
          summary: 'D2.1 due',
          when: { kind: 'all-day', date: '2026-06-30' },
        },
        {
          ...base,
          uid: 'u1',
          when: { kind: 'timed', start: new Date('2026-02-10T09:00:00Z'), zone: 'UTC', durationMinutes: 30 },
        },
      ],
    });
    const [deadline, utcEvent] = events(ics);
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2026-06-30');
    expect(utcEvent.startDate.toJSDate().toISOString()).toBe('2026-02-10T09:00:00.000Z');
    expect(ics).not.toContain('TZID=UTC');
  });

  it('gives Shanghai a VTIMEZONE without changes and Rome one with both changes per year', () => {
    expect(transitions('Asia/Shanghai', 2026, 2027)).toEqual([]);
    expect(transitions('Europe/Rome', 2026, 2026).map((t) => [t.at.toISOString(), t.from, t.to])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
    const shanghai = writeCalendar({
      events: [
        {
          ...base,
          when: { kind: 'timed', start: new Date('2026-02-10T09:00:00Z'), zone: 'Asia/Shanghai', durationMinutes: 60 },
        },
      ],
    });
    expect(events(shanghai)[0].startDate.toString()).toBe('2026-02-10T17:00:00');
  });
});

describe('line folding and escaping', () => {
  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const line = `SUMMARY:${'工作组会议'.repeat(20)}`;
    const folded = foldLine(line);
    for (const piece of folded.split('\r\n')) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(line);
  });

  it('keeps a long Chinese summary intact through ical.js', () => {
    const summary = `第一工作组月度会议：${'议程，纪要；'.repeat(15)}`;
    const [event] = events(writeCalendar({ events: [{ ...base, summary }] }));
    expect(event.summary).toBe(summary);
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('cannot be made to start another property or event by text, controls or addresses', () => {
    const ics = writeCalendar({
      events: [
        {
          ...base,
          summary: 'Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\u0007',
          description: 'x\nATTACH:http://evil.example/\u0000\u001b[31m',
          location: 'Room\rURL:javascript:alert(1)',
          organizer: { name: 'Chair"\r\nX:1', email: 'chair@example.org\r\nATTACH:http://evil.example' },
          attendees: [{ name: 'Expert', email: 'expert@example.org extra' }],
        },
      ],
    });
    const [event] = events(ics);
    expect(events(ics)).toHaveLength(1);
    expect(event.summary).toBe('Evil\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected');
    expect(event.description).toBe('x\nATTACH:http://evil.example/[31m');
    expect(event.location).toBe('Room\nURL:javascript:alert(1)');
    const vevent = parse(ics).getFirstSubcomponent('vevent')!;
    expect(
      vevent
        .getAllProperties()
        .map((p) => p.name)
        .filter((n) => ['attach', 'url', 'x'].includes(n)),
    ).toEqual([]);
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:chair@example.orgATTACH:http://evil.example');
  });
});
