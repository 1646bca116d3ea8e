import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type PageQuery, type PeopleQuery, type PersonDto, type ProjectRole } from '@roundtable/contracts';
import { can, regionOf, type Actor } from '@roundtable/domain';
import { ApiException, Clock, decodeCursor, pageLimit, scanPage, type Page } from '@roundtable/api-platform';
import { updateAccountProfile, type AuthenticatedUser } from '@roundtable/api-auth';
import { DataSource } from 'typeorm';
import { AccessService } from '../access.service';
import { PERSON_PROJECT_IDS, personVisible } from './person-visibility';
import type { UpdatePersonDto } from './dto/update-person.dto';
import { termState } from '../memberships/membership.presenter';

interface MembershipRow {
  id: string;
  person_id: string;
  working_group_id: string;
  code: string;
  role: PersonDto['memberships'][number]['role'];
  joined_on: string;
  left_on: string | null;
  term_ends_on: string | null;
}

interface PersonRow {
  id: string;
  display_name: string;
  email: string;
  country: string;
  partner_id: string | null;
  partner_short_name: string | null;
  partner_full_name: string | null;
  partner_country: string | null;
  affiliation: string | null;
  sector: PersonDto['sector'];
  gender: PersonDto['gender'];
  time_zone: string;
  locale: PersonDto['locale'];
  expertise: string[];
  project_ids: string[];
}

const PERSON_SELECT = `
  SELECT p.id, p.display_name, p.email, p.country, p.partner_id, pa.short_name AS partner_short_name,
         pa.full_name AS partner_full_name, pa.country AS partner_country, p.affiliation, p.sector, p.gender,
         p.time_zone, p.locale, p.expertise,
         ${PERSON_PROJECT_IDS} AS project_ids
    FROM people p
    LEFT JOIN partners pa ON pa.id = p.partner_id`;

/** The people directory and profiles. People are visible to those who share a project with them. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** One page of the directory, by name (ADR 029): only people the caller may see, filtered. */
  async directory(user: AuthenticatedUser, query: PeopleQuery & PageQuery): Promise<Page<PersonDto>> {
    const actor = await this.access.actorFor(user);
    // Erased people and those who withdrew from the directory are not listed (ADR 043); their profile stays
    // reachable from what they took part in.
    const where: string[] = ['p.erased_at IS NULL', "NOT roundtable_consent_refused(p.id, 'directory')"];
    const params: unknown[] = [];
    if (query.workingGroupId) {
      params.push(query.workingGroupId);
      where.push(
        `EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.left_on IS NULL AND m.working_group_id = $${params.length})`,
      );
    }
    if (query.sector) {
      params.push(query.sector);
      where.push(`p.sector = $${params.length}`);
    }
    if (query.expertise) {
      params.push(query.expertise.toLowerCase());
      where.push(`EXISTS (SELECT 1 FROM unnest(p.expertise) tag WHERE lower(tag) = $${params.length})`);
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(p.display_name ILIKE $${params.length} OR p.affiliation ILIKE $${params.length} OR pa.short_name ILIKE $${params.length})`,
      );
    }
    const page = await scanPage<PersonRow>({
      limit: pageLimit(query),
      after: decodeCursor(query.cursor, ['text', 'uuid']),
      key: (row) => [row.display_name, row.id],
      keep: (row) => this.visible(actor, row) && (!query.region || regionOf(row.country) === query.region),
      fetch: (after, count) => {
        const conditions = after
          ? [...where, `(p.display_name, p.id) > ($${params.length + 1}, $${params.length + 2})`]
          : where;
        return this.dataSource.query(
          `${PERSON_SELECT} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
            ORDER BY p.display_name, p.id LIMIT ${count}`,
          after ? [...params, ...after] : params,
        );
      },
    });
    return { items: await this.presentAll(actor, page.items), next: page.next };
  }

  async get(user: AuthenticatedUser, id: string): Promise<PersonDto> {
    const actor = await this.access.actorFor(user);
    const [row]: PersonRow[] = await this.dataSource.query(`${PERSON_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Person not found.');
    return this.present(actor, row);
  }

  async me(user: AuthenticatedUser): Promise<PersonDto> {
    if (!user.personId) throw new ApiException(ErrorCode.NotFound, 'Your account has no profile yet.');
    return this.get(user, user.personId);
  }

  async update(user: AuthenticatedUser, id: string, changes: UpdatePersonDto): Promise<PersonDto> {
    const [row]: PersonRow[] = await this.dataSource.query(`${PERSON_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Person not found.');
    await this.dataSource.transaction(async (manager) => {
      if (changes.partnerId) {
        const [partner] = await manager.query('SELECT id FROM partners WHERE id = $1', [changes.partnerId]);
        if (!partner)
          throw new ApiException(ErrorCode.ValidationFailed, 'Unknown partner', {
            fields: [{ field: 'partnerId', code: 'unknownPartner', message: 'partnerId is not a known partner' }],
          });
      }
      if (changes.country && regionOf(changes.country) !== regionOf(row.country)) {
        // A co-chair holds their region's seat: moving region would leave it empty without a successor or a
        // recorded vacancy (and could give the group two co-chairs of one region). Hand the seat over first.
        const [group]: Array<{ code: string }> = await manager.query(
          `SELECT wg.code FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
            WHERE m.person_id = $1 AND m.role = 'co-chair' AND m.left_on IS NULL ORDER BY wg.position LIMIT 1 FOR UPDATE OF wg`,
          [id],
        );
        if (group) {
          throw new ApiException(
            ErrorCode.CoChairRule,
            `${group.code}: Co-chair rule: a co-chair holds the seat of their region; hand the co-chair role over (or have a coordinator confirm a vacancy) before moving to another region.`,
            {
              fields: [
                {
                  field: 'country',
                  message: 'country cannot move a co-chair to another region',
                  code: 'coChairRegionChange',
                },
              ],
            },
          );
        }
      }
      const columns: Record<string, unknown> = {
        display_name: changes.displayName,
        country: changes.country,
        affiliation: changes.affiliation,
        partner_id: changes.partnerId,
        sector: changes.sector,
        gender: changes.gender,
        time_zone: changes.timeZone,
        locale: changes.locale,
        expertise: changes.expertise,
      };
      const set = Object.entries(columns).filter(([, value]) => value !== undefined);
      if (set.length === 0) return;
      await manager.query(
        `UPDATE people SET ${set.map(([column], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [id, ...set.map(([, value]) => value)],
      );
      if (changes.displayName !== undefined || changes.locale !== undefined) {
        await updateAccountProfile(manager, id, {
          displayName: changes.displayName ?? null,
          locale: changes.locale ?? null,
        });
      }
    });
    return this.get(user, id);
  }

  private visible(actor: Actor, row: PersonRow): boolean {
    return personVisible(actor, { id: row.id, projectIds: row.project_ids });
  }

  private async present(actor: Actor, row: PersonRow): Promise<PersonDto> {
    return (await this.presentAll(actor, [row]))[0];
  }

  /** People as `actor` sees them, with their memberships and project roles read in two queries for all. */
  private async presentAll(actor: Actor, rows: PersonRow[]): Promise<PersonDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [memberships, roles]: [MembershipRow[], Array<{ person_id: string; role: ProjectRole }>] = await Promise.all([
      this.dataSource.query(
        `SELECT m.id, m.person_id, m.working_group_id, wg.code, m.role, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on,
                to_char(m.left_on, 'YYYY-MM-DD') AS left_on, to_char(m.term_ends_on, 'YYYY-MM-DD') AS term_ends_on
           FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id
          WHERE m.person_id = ANY($1::uuid[]) ORDER BY m.left_on NULLS FIRST, wg.position`,
        [ids],
      ),
      this.dataSource.query(
        'SELECT DISTINCT person_id, role FROM project_roles WHERE person_id = ANY($1::uuid[]) AND revoked_at IS NULL ORDER BY role',
        [ids],
      ),
    ]);
    return rows.map((row) =>
      this.presentOne(
        actor,
        row,
        memberships.filter((m) => m.person_id === row.id),
        roles.filter((r) => r.person_id === row.id).map((r) => r.role),
      ),
    );
  }

  private presentOne(actor: Actor, row: PersonRow, memberships: MembershipRow[], roles: ProjectRole[]): PersonDto {
    const seeContact =
      row.project_ids.some((projectId) => can(actor, 'people.seeContact', { projectId, personId: row.id })) ||
      actor.personId === row.id ||
      actor.platformRole === 'admin';
    return {
      id: row.id,
      displayName: row.display_name,
      email: seeContact ? row.email : null,
      country: row.country,
      region: regionOf(row.country),
      partner: row.partner_id
        ? {
            id: row.partner_id,
            shortName: row.partner_short_name!,
            fullName: row.partner_full_name!,
            country: row.partner_country!,
          }
        : null,
      affiliation: row.affiliation,
      sector: row.sector,
      // Gender is personal: only the person and those who manage membership see it (the balance report counts it).
      gender: seeContact ? row.gender : null,
      timeZone: row.time_zone,
      locale: row.locale,
      expertise: row.expertise,
      projectRoles: roles,
      memberships: memberships.map((m) => ({
        id: m.id,
        workingGroupId: m.working_group_id,
        workingGroupCode: m.code,
        personId: row.id,
        displayName: row.display_name,
        role: m.role,
        region: regionOf(row.country),
        joinedOn: m.joined_on,
        leftOn: m.left_on,
        termEndsOn: m.term_ends_on,
        term: m.left_on === null ? termState(m.term_ends_on, this.clock.today()) : null,
      })),
      editable: can(actor, 'person.update', { projectId: row.project_ids[0] ?? '', personId: row.id }),
    };
  }
}
