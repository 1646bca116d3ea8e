/**
 * Words the registry's CSV and DOCX exports write around the recommendations' own text: each in English and
 * Chinese, as the document exports do (the registry is read by both sides of the project).
 */
export const REGISTRY_LABELS = {
  title: 'Recommendations · 建议',
  workingGroup: 'Working group · 工作组',
  paper: 'Paper · 文件',
  addressee: 'Addressee · 对象',
  horizon: 'Horizon · 时间范围',
  priority: 'Priority · 优先级',
  frameworks: 'Frameworks · 框架',
  status: 'Status · 状态',
  mergedInto: 'Merged into · 合并至',
} as const;

const CODES: Record<string, Record<string, string>> = {
  addressee: {
    'policy-makers': 'Policy makers · 政策制定者',
    funders: 'Funders · 资助方',
    'research-organisations': 'Research organisations · 研究机构',
    industry: 'Industry · 产业界',
    'health-services': 'Health services · 卫生服务机构',
    'patient-organisations': 'Patients’ organisations · 患者组织',
  },
  horizon: { short: 'Short term · 短期', medium: 'Medium term · 中期', long: 'Long term · 长期' },
  priority: { high: 'High · 高', medium: 'Medium · 中', low: 'Low · 低' },
  status: { active: 'Active · 有效', merged: 'Merged · 已合并', removed: 'Removed · 已删除' },
  frameworks: {
    'icpermed-p1': 'ICPerMed P1 awareness and empowerment · 认识与赋能',
    'icpermed-p2': 'ICPerMed P2 big data and ICT · 大数据与信息通信技术',
    'icpermed-p3': 'ICPerMed P3 translation to clinical research · 临床转化研究',
    'icpermed-p4': 'ICPerMed P4 innovation to the market · 创新上市',
    'icpermed-p5': 'ICPerMed P5 sustainable healthcare · 可持续医疗',
  },
};

/** The bilingual label of a code of the fixed lists (the code itself when unknown). */
export function registryLabel(kind: string, code: string): string {
  return CODES[kind]?.[code] ?? code;
}
