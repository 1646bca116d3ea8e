/**
 * The demo project: IC2PerMed WP2 as described in the project's public presentations (organisations,
 * working groups, aims, deliverables). People are role-named placeholders, never real persons.
 */
import type { DocumentStatus, DocumentType, PlatformRole, WorkingGroupRole } from '@roundtable/contracts';

export const DEMO_PASSWORD = 'roundtable-demo';

export const DEMO_PROJECT = {
  acronym: 'IC2PerMed',
  name: 'IC2PerMed — Integrating China in the International Consortium for Personalised Medicine',
  startDate: '2020-01-01',
  durationMonths: 48,
};

export const DEMO_PARTNERS = [
  { shortName: 'UCSC', fullName: 'Università Cattolica del Sacro Cuore', country: 'IT' },
  { shortName: 'Tsinghua', fullName: 'Tsinghua University', country: 'CN' },
  { shortName: 'S2i', fullName: 'Steinbeis 2i GmbH', country: 'DE' },
  { shortName: 'BGI', fullName: 'BGI Group', country: 'CN' },
  { shortName: 'FTELE', fullName: 'Fondazione Telethon', country: 'IT' },
  { shortName: 'NCC', fullName: 'National Cancer Center', country: 'CN' },
];

export interface DemoWorkingGroup {
  code: string;
  titleEn: string;
  titleZh: string;
  aimEn: string;
  aimZh: string;
  guidingPartners: [string, string];
  papers: Array<{ key: string; titleEn: string; titleZh: string; status: DocumentStatus }>;
}

export const DEMO_WORKING_GROUPS: DemoWorkingGroup[] = [
  {
    code: 'WG1',
    titleEn: 'Shaping sustainable healthcare',
    titleZh: '塑造可持续的医疗',
    aimEn:
      'To define a common organisational strategy to support a sustainable translation of personalised medicine from research to practice at three levels: micro (hospitals, healthcare facilities), meso (integrated care, local authorities) and macro (health system).',
    aimZh:
      '定义一个通用的组织策略，以支持在三个层次上将个性化医疗从研究可持续地转化为实践：微观（医院和医疗机构）、中观（综合护理和地方当局）和宏观（医疗体系）。',
    guidingPartners: ['UCSC', 'Tsinghua'],
    papers: [
      {
        key: 'wg1-awareness',
        titleEn: 'Awareness and empowerment of citizens and patients',
        titleZh: '公民和患者的意识与授权',
        status: 'draft',
      },
      {
        key: 'wg1-education',
        titleEn: 'Education and curricula for personalised medicine',
        titleZh: '个性化医疗的教育与课程',
        status: 'outline',
      },
    ],
  },
  {
    code: 'WG2',
    titleEn: 'Innovation and market',
    titleZh: '创新与市场',
    aimEn:
      'To discuss the international standards, regulatory aspects and market barriers of medical, genetic and environmental data schemes, and health economic models that can be applied both in the EU and in China, with a focus on pricing, insurance coverage and reimbursement.',
    aimZh:
      '讨论医疗、遗传和环境数据方案的国际标准、监管方面和市场壁垒，以及在欧盟和中国都可以应用的医疗经济模式，重点是定价、保险范围和报销。',
    guidingPartners: ['S2i', 'BGI'],
    papers: [
      { key: 'wg2-big-data', titleEn: 'Big data and ICT solutions', titleZh: '大数据和ICT解决方案', status: 'draft' },
      { key: 'wg2-market', titleEn: 'Bringing innovation to market', titleZh: '让创新进入市场', status: 'outline' },
    ],
  },
  {
    code: 'WG3',
    titleEn: 'Research and clinical studies',
    titleZh: '研究与临床试验',
    aimEn:
      'To align clinical research domains (classification, trials, programmes) and collaboration correlated to bio-banking.',
    aimZh: '调整与生物银行相关的临床研究领域（即分类、试验、计划）协作。',
    guidingPartners: ['FTELE', 'NCC'],
    papers: [
      {
        key: 'wg3-translation',
        titleEn: 'Translating basic to clinical research and beyond',
        titleZh: '将基础知识转化为临床研究及更多',
        status: 'outline',
      },
      { key: 'wg3-funding', titleEn: 'Research funding alignment', titleZh: '研究出资协调', status: 'outline' },
    ],
  },
];

export const DEMO_PROJECT_DOCUMENTS: Array<{ key: string; type: DocumentType; titleEn: string; titleZh: string }> = [
  {
    key: 'strategic-workplan',
    type: 'strategic-workplan',
    titleEn: 'Strategic workplan for ICPerMed–China collaboration',
    titleZh: '促进ICPerMed与中国合作的战略工作计划',
  },
  { key: 'roadmap', type: 'roadmap', titleEn: 'IC2PerMed Roadmap', titleZh: 'IC2PerMed路线图' },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  locale: 'en' | 'zh-CN';
  country: string;
  partner: string | null;
  memberships: Array<{ wg: string; role: WorkingGroupRole }>;
  projectRole?: 'coordinator' | 'advisory-board';
}

function wgAccounts(code: string, euPartner: string, cnPartner: string): DemoAccount[] {
  const lower = code.toLowerCase();
  return [
    {
      email: `${lower}-eu-cochair@example.org`,
      displayName: `${code} EU co-chair`,
      platformRole: 'member',
      locale: 'en',
      country: 'IT',
      partner: euPartner,
      memberships: [{ wg: code, role: 'co-chair' }],
    },
    {
      email: `${lower}-cn-cochair@example.org`,
      displayName: `${code} China co-chair`,
      platformRole: 'member',
      locale: 'zh-CN',
      country: 'CN',
      partner: cnPartner,
      memberships: [{ wg: code, role: 'co-chair' }],
    },
    {
      email: `${lower}-expert@example.org`,
      displayName: `${code} expert`,
      platformRole: 'member',
      locale: 'en',
      country: 'DE',
      partner: null,
      memberships: [{ wg: code, role: 'expert' }],
    },
    {
      email: `${lower}-observer@example.org`,
      displayName: `${code} observer`,
      platformRole: 'member',
      locale: 'zh-CN',
      country: 'CN',
      partner: null,
      memberships: [{ wg: code, role: 'observer' }],
    },
  ];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'coordinator@example.org',
    displayName: 'Project coordinator',
    platformRole: 'coordinator',
    locale: 'en',
    country: 'IT',
    partner: 'UCSC',
    memberships: [],
    projectRole: 'coordinator',
  },
  {
    email: 'advisory-eu@example.org',
    displayName: 'Advisory board member (EU)',
    platformRole: 'member',
    locale: 'en',
    country: 'BE',
    partner: null,
    memberships: [],
    projectRole: 'advisory-board',
  },
  {
    email: 'advisory-cn@example.org',
    displayName: 'Advisory board member (China)',
    platformRole: 'member',
    locale: 'zh-CN',
    country: 'CN',
    partner: null,
    memberships: [],
    projectRole: 'advisory-board',
  },
  {
    email: 'admin@example.org',
    displayName: 'Platform administrator',
    platformRole: 'admin',
    locale: 'en',
    country: 'IT',
    partner: null,
    memberships: [],
  },
  ...wgAccounts('WG1', 'UCSC', 'Tsinghua'),
  ...wgAccounts('WG2', 'S2i', 'BGI'),
  ...wgAccounts('WG3', 'FTELE', 'NCC'),
];

/**
 * WP2's plan as the project presented it: the position-paper outlines by M18 (milestone), six position
 * papers and a strategic workplan by M24 (D2.2, task 2.2), the roadmap by M30 (D2.3, task 2.3). The
 * material gives no milestone number or task months: MS1 and the task spans are our plausible reading
 * (WG activities launched in March 2020, the roadmap synthesises the papers).
 */
export const DEMO_PLAN = {
  workPackage: {
    code: 'WP2',
    titleEn:
      'Knowledge synthesis on the identification, transferability and scaling up of international standards in personalised medicine',
    titleZh: '个性化医疗中国际标准的确定、可传递性和规模扩张的知识综合',
  },
  tasks: [
    {
      code: 'T2.2',
      titleEn: 'Position papers on the working groups’ topics',
      titleZh: '关于工作组主题的立场文件',
      startMonth: 3,
      endMonth: 24,
    },
    { code: 'T2.3', titleEn: 'IC2PerMed Roadmap', titleZh: 'IC2PerMed路线图', startMonth: 19, endMonth: 30 },
  ],
  milestone: {
    key: 'ms-outlines',
    number: 'MS1',
    titleEn: 'WG position paper outlines issued',
    titleZh: '工作组发布立场文件大纲',
    dueMonth: 18,
    meansOfVerification:
      'Outlines of the six position papers issued; feedback from funding agencies and policy makers gathered for the final recommendations.',
    /** An outline counts as issued once its co-chairs have moved the paper on to drafting. */
    requiredStatus: 'draft' as DocumentStatus,
    /** …and once the funders' and policy makers' review round on it is responded (ADR 041). */
    requiresReviewResponded: true,
  },
  deliverables: [
    {
      key: 'd2-2',
      number: 'D2.2',
      task: 'T2.2',
      titleEn:
        'Six position papers and a strategic workplan to foster collaboration between ICPerMed and China on personalised medicine',
      titleZh: '6份立场文件和1份促进ICPerMed与中国在个性化医疗方面合作的战略工作计划',
      dueMonth: 24,
      leadPartner: 'UCSC',
      type: 'report' as const,
      dissemination: 'PU' as const,
      status: 'in-progress' as const,
      documents: [
        'wg1-awareness',
        'wg1-education',
        'wg2-big-data',
        'wg2-market',
        'wg3-translation',
        'wg3-funding',
        'strategic-workplan',
      ],
    },
    {
      key: 'd2-3',
      number: 'D2.3',
      task: 'T2.3',
      titleEn: 'IC2PerMed Roadmap',
      titleZh: 'IC2PerMed路线图',
      dueMonth: 30,
      leadPartner: 'UCSC',
      type: 'report' as const,
      dissemination: 'PU' as const,
      status: 'planned' as const,
      documents: ['roadmap'],
    },
  ],
};
