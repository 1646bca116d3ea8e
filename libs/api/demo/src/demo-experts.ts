import type { Gender, Sector } from '@roundtable/contracts';

/**
 * The 35 placeholder experts of the demo, split as the project reported its identified experts:
 * 75% Europe (26), 20% China (7), 5% Canada (2). Role-named placeholders, never real people.
 */
export interface DemoExpert {
  email: string;
  displayName: string;
  country: string;
  timeZone: string;
  wg: 'WG1' | 'WG2' | 'WG3';
  sector: Sector;
  gender: Gender;
  expertise: string[];
}

const EUROPE = [
  ['IT', 'Europe/Rome'],
  ['DE', 'Europe/Berlin'],
  ['FR', 'Europe/Paris'],
  ['ES', 'Europe/Madrid'],
  ['NL', 'Europe/Amsterdam'],
  ['BE', 'Europe/Brussels'],
  ['AT', 'Europe/Vienna'],
  ['SE', 'Europe/Stockholm'],
  ['PL', 'Europe/Warsaw'],
  ['PT', 'Europe/Lisbon'],
] as const;
const CHINA = [['CN', 'Asia/Shanghai']] as const;
const CANADA = [['CA', 'America/Toronto']] as const;
const SECTORS: Sector[] = [
  'academia',
  'health-authority',
  'industry',
  'funding-agency',
  'policy-maker',
  'patient-organisation',
  'academia',
];
const GENDERS: Gender[] = ['female', 'male', 'female', 'male', 'undisclosed'];
const EXPERTISE: Record<DemoExpert['wg'], string[][]> = {
  WG1: [['health policy'], ['medical education'], ['patient engagement'], ['health economics']],
  WG2: [['big data'], ['health technology assessment'], ['regulation'], ['reimbursement']],
  WG3: [['genomics'], ['biobanking'], ['clinical trials'], ['research funding']],
};

function build(): DemoExpert[] {
  const plan: Array<readonly [string, string, string]> = [
    ...Array.from({ length: 26 }, (_, i) => [...EUROPE[i % EUROPE.length], 'Europe'] as const),
    ...Array.from({ length: 7 }, () => [...CHINA[0], 'China'] as const),
    ...Array.from({ length: 2 }, () => [...CANADA[0], 'Canada'] as const),
  ];
  const groups: DemoExpert['wg'][] = ['WG1', 'WG2', 'WG3'];
  return plan.map(([country, timeZone, where], index) => {
    const number = String(index + 1).padStart(2, '0');
    const wg = groups[index % 3];
    return {
      email: `expert${number}@example.org`,
      displayName: `${wg} expert ${number} (${where})`,
      country,
      timeZone,
      wg,
      sector: SECTORS[index % SECTORS.length],
      gender: GENDERS[index % GENDERS.length],
      expertise: EXPERTISE[wg][index % 4],
    };
  });
}

export const DEMO_EXPERTS: DemoExpert[] = build();
