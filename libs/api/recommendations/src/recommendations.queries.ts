import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type PageQuery,
  type RecommendationDetailDto,
  type RecommendationDto,
  type RecommendationPairDto,
} from '@roundtable/contracts';
import { can, type Actor } from '@roundtable/domain';
import {
  ApiException,
  decodeCursor,
  pageInMemory,
  pageLimit,
  pageOf,
  toCsvText,
  type Page,
} from '@roundtable/api-platform';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DataSource } from 'typeorm';
import { REGISTRY_LABELS, registryLabel } from './recommendation.labels';
import { searchTextOf } from './recommendation.segment';
import { presentDetail, presentPair, presentRecommendation, registryCsvRows } from './recommendations.presenter';
import { RecommendationsRepository, type ListFilters, type RecommendationRow } from './recommendations.repository';

/** Every row an export holds at most (far above six papers' worth). */
const EXPORT_MAX = 5000;

/** Reads of the registry; never writes. */
@Injectable()
export class RecommendationsQueries {
  constructor(
    private readonly repository: RecommendationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** One keyset page (ADR 029) by paper and position in it. */
  async list(
    projectId: string,
    filters: Omit<ListFilters, 'q'> & { q?: string },
    page: PageQuery,
  ): Promise<Page<RecommendationDto>> {
    const limit = pageLimit(page);
    const after = decodeCursor(page.cursor, ['uuid', 'int', 'uuid']);
    const rows = await this.repository.list(projectId, this.filters(filters), after, limit + 1);
    const found = pageOf(rows, limit, (row) => [row.document_id, row.position, row.id]);
    return { items: found.items.map(presentRecommendation), next: found.next };
  }

  async detail(id: string): Promise<RecommendationDetailDto> {
    const row = await this.repository.one(id);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Recommendation not found.');
    return presentDetail(row, await this.repository.history(id), await this.repository.mergedInto(id));
  }

  /** The open candidate pairs, best first, each saying whether the caller may decide it. */
  async duplicates(actor: Actor, projectId: string, page: PageQuery): Promise<Page<RecommendationPairDto>> {
    const pairs = pageInMemory(await this.repository.openPairs(projectId), page);
    const rows = new Map(
      (
        await this.repository.byIds(
          this.dataSource.manager,
          pairs.items.flatMap((pair) => [pair.a_id, pair.b_id]),
        )
      ).map((row) => [row.id, row]),
    );
    const items = pairs.items.flatMap((pair) => {
      const a = rows.get(pair.a_id);
      const b = rows.get(pair.b_id);
      if (!a || !b) return [];
      const workingGroupIds = [a.working_group_id, b.working_group_id].filter((id): id is string => id !== null);
      return [presentPair(pair, a, b, can(actor, 'recommendation.decide', { projectId, workingGroupIds }))];
    });
    return { items, next: pairs.next };
  }

  /** Every recommendation of the project, any status, by paper and position (the roadmap's links and matrix). */
  async everyRecommendation(projectId: string): Promise<RecommendationDto[]> {
    return (await this.all(projectId, {})).map(presentRecommendation);
  }

  async csv(projectId: string, filters: Omit<ListFilters, 'q'>): Promise<string> {
    return toCsvText(registryCsvRows(await this.all(projectId, filters), registryLabel), { bom: true });
  }

  async docx(projectId: string, filters: Omit<ListFilters, 'q'>): Promise<Buffer> {
    const rows = await this.all(projectId, filters);
    const cell = (text: string, bold = false) =>
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    const header = [
      REGISTRY_LABELS.workingGroup,
      REGISTRY_LABELS.paper,
      REGISTRY_LABELS.title,
      REGISTRY_LABELS.addressee,
      REGISTRY_LABELS.horizon,
      REGISTRY_LABELS.priority,
      REGISTRY_LABELS.status,
    ];
    const document = new Document({
      styles: { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: 'Microsoft YaHei' } } } } },
      sections: [
        {
          children: [
            new Paragraph({
              alignment: AlignmentType.LEFT,
              children: [new TextRun({ text: REGISTRY_LABELS.title, bold: true, size: 32 })],
            }),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
                ...rows.map((row) => {
                  const dto = presentRecommendation(row);
                  return new TableRow({
                    children: [
                      cell(dto.workingGroupCode ?? ''),
                      cell(`${dto.documentTitleEn} · ${dto.documentTitleZh}`),
                      new TableCell({
                        children: [
                          new Paragraph({ children: [new TextRun({ text: dto.title, bold: true })] }),
                          ...dto.body.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
                        ],
                      }),
                      cell(registryLabel('addressee', dto.addressee)),
                      cell(registryLabel('horizon', dto.horizon)),
                      cell(registryLabel('priority', dto.priority)),
                      cell(registryLabel('status', dto.status)),
                    ],
                  });
                }),
              ],
            }),
          ],
        },
      ],
    });
    return Packer.toBuffer(document);
  }

  private async all(projectId: string, filters: Omit<ListFilters, 'q'>): Promise<RecommendationRow[]> {
    return this.repository.list(projectId, filters, null, EXPORT_MAX);
  }

  private filters(filters: Omit<ListFilters, 'q'> & { q?: string }): ListFilters {
    const q = filters.q?.trim();
    return { ...filters, q: q ? { raw: q, segmented: searchTextOf(q) } : undefined };
  }
}
