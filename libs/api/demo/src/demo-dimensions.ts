/** Each working group's dimensions (focus and goal), from the IC2PerMed WP2 presentation. */
export interface DemoDimension {
  titleEn: string;
  titleZh: string;
  focusEn: string;
  focusZh: string;
  goalEn: string;
  goalZh: string;
}

export const DEMO_DIMENSIONS: Record<string, DemoDimension[]> = {
  WG1: [
    {
      titleEn: 'Awareness and empowerment',
      titleZh: '意识和授权',
      focusEn:
        'Defining common approaches to maximise engagement of citizens and patients, both in the preventive and curative care.',
      focusZh: '定义通用方法，以最大限度地提高公民和患者在预防与治疗方面的参与度。',
      goalEn:
        'To include the perspective of citizens, patients and patient organisations in the decision-making processes of public health authorities and to enable a more efficient interaction between them and researchers/healthcare organisations.',
      goalZh: '将公民、患者和患者组织的观点纳入公共卫生当局的决策过程，使他们与研究人员/医疗组织能够进行更有效的互动。',
    },
    {
      titleEn: 'Education and curricula',
      titleZh: '教育与课程',
      focusEn:
        'Defining common advanced major changes in medical and other healthcare provider curricula, due to the major technological advances in PM and the necessity of multidisciplinary teams.',
      focusZh: '定义医疗和其他医疗提供者课程中共同的重大先进变更，原因是个性化医疗的重大技术进步和跨学科团队的必要性。',
      goalEn:
        'To educate a new generation of healthcare professionals (long-term uptake) and to update current professionals with lifelong learning programmes (faster uptake).',
      goalZh: '教育新一代的医疗专业人员（长期采用），并通过终身学习计划更新当前的专业人员（更快地采用）。',
    },
    {
      titleEn: 'PM in sustainable healthcare',
      titleZh: '可持续医疗中的个性化医疗',
      focusEn:
        'Harmonising strategies and practices to ensure that PM provides added value to health systems by fostering their effectiveness, efficiency and sustainability.',
      focusZh: '协调策略和实践，以确保个性化医疗通过提高有效性、效率和可持续性为医疗体系提供附加价值。',
      goalEn:
        'To understand key contextual factors and barriers at micro, meso and system organisational levels in order to sustainably translate PM into routine clinical practice.',
      goalZh: '了解微观、中观和体系组织层次的关键背景因素和障碍，以便将个性化医疗可持续地转化为常规临床实践。',
    },
  ],
  WG2: [
    {
      titleEn: 'Big data and ICT solutions',
      titleZh: '大数据和ICT解决方案',
      focusEn:
        'Encouraging a harmonised and fast uptake of technologies for data capture, storage, harmonisation, management and data processing.',
      focusZh: '鼓励对数据采集、存储、协调、管理和数据处理技术进行统一而快速的采用。',
      goalEn:
        'Define common decision support tools and methodologies for physicians and public health authorities in their decision-making process.',
      goalZh: '为医师和公共卫生当局的决策过程定义通用的决策支持工具和方法。',
    },
    {
      titleEn: 'Bringing innovation to market',
      titleZh: '让创新进入市场',
      focusEn:
        'From research, development, regulatory approval and HTA up to definition of reimbursement mechanisms and implementation decisions (including regulatory and legal frameworks and guidance).',
      focusZh: '从研究、开发、监管审批和HTA到报销机制和实施决策的定义（包括监管和法律框架与指南）。',
      goalEn:
        'To speed up the integration of innovative solutions into the Chinese and European PM markets, and to enable companies to enter such markets with sustainable business plans.',
      goalZh: '加快将创新解决方案纳入到中国和欧洲个性化医疗市场，并使公司能够通过可持续的商业计划进入此类市场。',
    },
  ],
  WG3: [
    {
      titleEn: 'Translating basic to clinical research and beyond',
      titleZh: '将基础知识转化为临床研究及更多',
      focusEn:
        'Developing methods to integrate and evaluate omics and microbiome analyses; harmonising biomarker evaluation and validation; encouraging international longitudinal studies by harmonising clinical trial designs, sampling procedures, data exchange and reimbursement.',
      focusZh:
        '开发方法以整合和评估组学和微生物组学分析；协调生物标志物的评估和确认过程；通过协调临床试验设计、抽样程序、数据交换和报销，鼓励发展国际纵向研究。',
      goalEn: 'Standardising approaches to translate basic to clinical research.',
      goalZh: '使基础知识转化为临床研究的方法标准化。',
    },
    {
      titleEn: 'Research funding',
      titleZh: '研究出资',
      focusEn:
        'Aligning research funding priorities and procedures in the field of PM across the relevant funding agencies in the EU and China.',
      focusZh: '在欧盟和中国的相关出资机构之间，协调个性化医疗领域的研究出资重点和程序。',
      goalEn: 'Development of recommendations for policy makers on personalised medicine implementation.',
      goalZh: '为决策者提供有关个性化医疗实施的建议。',
    },
  ],
};
