import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PartnerDetailDto } from '@roundtable/contracts';
import { DataSource } from 'typeorm';

interface PartnerPeopleRow {
  id: string;
  short_name: string;
  full_name: string;
  country: string;
  people: Array<{ id: string; displayName: string; country: string }>;
}

/** Reads of the structure the coordinators edit. Never writes. */
@Injectable()
export class StructureQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async partners(projectId: string, partnerId?: string): Promise<PartnerDetailDto[]> {
    const rows: PartnerPeopleRow[] = await this.dataSource.query(
      `SELECT pa.id, pa.short_name, pa.full_name, pa.country,
              COALESCE(json_agg(json_build_object('id', p.id, 'displayName', p.display_name, 'country', p.country)
                                ORDER BY p.display_name) FILTER (WHERE p.id IS NOT NULL), '[]') AS people
         FROM partners pa LEFT JOIN people p ON p.partner_id = pa.id
        WHERE pa.project_id = $1 AND ($2::uuid IS NULL OR pa.id = $2)
        GROUP BY pa.id ORDER BY pa.short_name`,
      [projectId, partnerId ?? null],
    );
    return rows.map(presentPartner);
  }
}

/** Pure: a partner row with its people → the DTO. */
export function presentPartner(row: PartnerPeopleRow): PartnerDetailDto {
  return {
    id: row.id,
    shortName: row.short_name,
    fullName: row.full_name,
    country: row.country.trim(),
    people: row.people.map((p) => ({ ...p, country: p.country.trim() })),
  };
}
