import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, pageLimit, pageOf, type Page } from '@roundtable/api-platform';
import type { AuditAction, AuditEntryDto } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import type { AuditFilterDto } from './audit.dto';
import { presentAuditEntry } from './audit.presenter';

export interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  action: AuditAction;
  subject_type: string;
  subject_id: string | null;
  project_id: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** The most rows one CSV export holds (newest first); narrow the filters for older ones. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

/** Reads of the audit log, newest first, filtered; never writes. */
@Injectable()
export class AuditQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: AuditFilterDto): Promise<Page<AuditEntryDto>> {
    const after = decodeCursor(filter.cursor, ['int']) as number[] | null;
    const limit = pageLimit(filter);
    const rows = await this.rows(filter, limit + 1, after?.[0] ?? null);
    const page = pageOf(rows, limit, (row) => [Number(row.id)]);
    return { items: page.items.map(presentAuditEntry), next: page.next };
  }

  async all(filter: AuditFilterDto): Promise<AuditEntryDto[]> {
    return (await this.rows(filter, AUDIT_CSV_MAX_ROWS, null)).map(presentAuditEntry);
  }

  /** About one subject (a person's own export lists the entries about their account). */
  async about(subjectId: string): Promise<AuditEntryDto[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log WHERE subject_id = $1 OR actor_user_id = $1 ORDER BY id DESC LIMIT $2`,
      [subjectId, AUDIT_CSV_MAX_ROWS],
    );
    return rows.map(presentAuditEntry);
  }

  private rows(filter: AuditFilterDto, limit: number, beforeId: number | null): Promise<AuditRow[]> {
    return this.dataSource.query(
      `SELECT * FROM audit_log
        WHERE ($1::text IS NULL OR action = $1)
          AND ($2::uuid IS NULL OR actor_user_id = $2)
          AND ($3::uuid IS NULL OR subject_id = $3)
          AND ($4::timestamptz IS NULL OR at >= $4)
          AND ($5::timestamptz IS NULL OR at < $5)
          AND ($6::bigint IS NULL OR id < $6)
        ORDER BY id DESC LIMIT $7`,
      [
        filter.action ?? null,
        filter.actorUserId ?? null,
        filter.subjectId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        beforeId,
        limit,
      ],
    );
  }
}
