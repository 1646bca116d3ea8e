import type { Disposition, ReviewCommentDto, ReviewerType } from '@roundtable/contracts';
import { toCsvText } from '@roundtable/api-platform';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type MatrixLocale = 'en' | 'zh-CN';

/** The response matrix's words in both languages (server-side strings, ADR 032's rule for the server). */
export const MATRIX_LABELS: Record<
  MatrixLocale,
  {
    title: string;
    columns: string[];
    anonymous: string;
    general: string;
    deleted: string;
    dispositions: Record<Disposition, string>;
    types: Record<ReviewerType, string>;
    duplicateOf: string;
  }
> = {
  en: {
    title: 'Response matrix',
    columns: [
      'No.',
      'Reviewer',
      'Organisation',
      'Type',
      'Passage',
      'Comment',
      'Disposition',
      'Response (English)',
      'Response (Chinese)',
      'Change',
    ],
    anonymous: 'anonymous',
    general: '(general comment)',
    deleted: '(passage since deleted)',
    dispositions: {
      accepted: 'Accepted',
      'partly-accepted': 'Partly accepted',
      'not-accepted': 'Not accepted',
      noted: 'Noted',
      'out-of-scope': 'Out of scope',
      duplicate: 'Duplicate',
    },
    types: {
      funder: 'Funder',
      ministry: 'Ministry',
      agency: 'Agency',
      'patient-organisation': 'Patient organisation',
      member: 'Project member',
      other: 'Other',
    },
    duplicateOf: 'duplicate of',
  },
  'zh-CN': {
    title: '答复矩阵',
    columns: ['编号', '评审人', '机构', '类型', '段落', '意见', '处理', '答复（英文）', '答复（中文）', '修改'],
    anonymous: '匿名',
    general: '（总体意见）',
    deleted: '（该段落已删除）',
    dispositions: {
      accepted: '采纳',
      'partly-accepted': '部分采纳',
      'not-accepted': '未采纳',
      noted: '已知悉',
      'out-of-scope': '超出范围',
      duplicate: '重复',
    },
    types: {
      funder: '资助方',
      ministry: '政府部门',
      agency: '机构',
      'patient-organisation': '患者组织',
      member: '项目成员',
      other: '其他',
    },
    duplicateOf: '重复于',
  },
};

/** One row per comment, in the matrix's column order (pure: the CSV and the DOCX share it). */
export function matrixRows(comments: ReviewCommentDto[], locale: MatrixLocale): string[][] {
  const labels = MATRIX_LABELS[locale];
  const numbers = new Map(comments.map((c) => [c.id, `C${c.number}`]));
  return comments.map((c) => {
    const passage =
      c.quote === null ? labels.general : c.live?.state === 'deleted' ? `${c.quote} ${labels.deleted}` : c.quote;
    const disposition = c.disposition
      ? c.disposition === 'duplicate' && c.duplicateOfCommentId
        ? `${labels.dispositions.duplicate} (${labels.duplicateOf} ${numbers.get(c.duplicateOfCommentId) ?? ''})`
        : labels.dispositions[c.disposition]
      : '';
    return [
      `C${c.number}`,
      c.reviewerName ?? labels.anonymous,
      c.reviewerOrganisation ?? '',
      labels.types[c.reviewerType],
      passage,
      c.body,
      disposition,
      c.responseEn ?? '',
      c.responseZh ?? '',
      c.changeLinks.join('\n'),
    ];
  });
}

export function matrixCsv(comments: ReviewCommentDto[], locale: MatrixLocale): string {
  return toCsvText([MATRIX_LABELS[locale].columns, ...matrixRows(comments, locale)], { bom: true });
}

const EAST_ASIAN_FONT = 'Microsoft YaHei';

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          children: [new TextRun({ text: line, bold, font: { ascii: 'Calibri', eastAsia: EAST_ASIAN_FONT } })],
        }),
    ),
  });
}

/** The matrix as a Word document: a title, the round, and one table row per comment (landscape). */
export async function matrixDocx(
  heading: { documentTitle: string; roundName: string },
  comments: ReviewCommentDto[],
  locale: MatrixLocale,
): Promise<Buffer> {
  const labels = MATRIX_LABELS[locale];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: labels.columns.map((c) => cell(c, true)) }),
      ...matrixRows(comments, locale).map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
  const document = new Document({
    creator: 'Roundtable',
    title: `${labels.title}: ${heading.documentTitle}`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [new TextRun({ text: `${heading.documentTitle} · ${heading.roundName}`, bold: true })],
          }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
