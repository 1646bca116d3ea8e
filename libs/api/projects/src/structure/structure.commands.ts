import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type FieldErrorCode, type PartnerRequest, type WorkingGroupRequest } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { structureRepository as repository } from './structure.repository';

/** 400 naming one field, with a code the web app translates. */
function invalid(field: string, message: string, code: FieldErrorCode): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, { fields: [{ field, message, code }] });
}

/**
 * Coordinators shape the project: working groups (title, aim, dimensions, guiding partners) and partners
 * (name, country, people). Each command is one transaction that locks what it changes, and leaves a log line
 * naming who changed what (the audit trail of the structure).
 */
@Injectable()
export class StructureCommands {
  private readonly logger = new Logger('Structure');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createWorkingGroup(userId: string, projectId: string, body: WorkingGroupRequest): Promise<string> {
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
      await this.checkGroup(manager, projectId, null, body);
      const id = await repository.insertWorkingGroup(manager, projectId, groupRow(body));
      await repository.replaceParts(manager, id, body.dimensions, body.guidingPartnerIds);
      return id;
    });
    this.logger.log(`user ${userId} created working group ${id} (${body.code}) in project ${projectId}`);
    return id;
  }

  async updateWorkingGroup(userId: string, id: string, body: WorkingGroupRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [group] = await manager.query('SELECT project_id FROM working_groups WHERE id = $1 FOR UPDATE', [id]);
      if (!group) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
      await this.checkGroup(manager, group.project_id, id, body);
      await repository.updateWorkingGroup(manager, id, groupRow(body));
      await repository.replaceParts(manager, id, body.dimensions, body.guidingPartnerIds);
    });
    this.logger.log(`user ${userId} updated working group ${id} (${body.code})`);
  }

  async createPartner(userId: string, projectId: string, body: PartnerRequest): Promise<string> {
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
      await this.checkPartner(manager, projectId, null, body);
      const id = await repository.insertPartner(manager, projectId, body);
      await repository.setPartnerPeople(manager, id, unique(body.personIds));
      return id;
    });
    this.logger.log(`user ${userId} created partner ${id} (${body.shortName}) in project ${projectId}`);
    return id;
  }

  async updatePartner(userId: string, id: string, body: PartnerRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [partner] = await manager.query('SELECT project_id FROM partners WHERE id = $1 FOR UPDATE', [id]);
      if (!partner) throw new ApiException(ErrorCode.NotFound, 'Partner not found.');
      await this.checkPartner(manager, partner.project_id, id, body);
      await repository.updatePartner(manager, id, body);
      await repository.setPartnerPeople(manager, id, unique(body.personIds));
    });
    this.logger.log(`user ${userId} updated partner ${id} (${body.shortName})`);
  }

  private async checkGroup(
    manager: EntityManager,
    projectId: string,
    id: string | null,
    body: WorkingGroupRequest,
  ): Promise<void> {
    if (await repository.codeTaken(manager, projectId, body.code, id))
      throw invalid('code', `code ${body.code} is already used by another working group`, 'codeTaken');
    if ((await repository.foreignPartners(manager, projectId, unique(body.guidingPartnerIds))).length > 0)
      throw invalid('guidingPartnerIds', 'guidingPartnerIds must name partners of this project', 'unknownPartner');
    if (unique(body.guidingPartnerIds).length !== body.guidingPartnerIds.length)
      throw invalid('guidingPartnerIds', 'guidingPartnerIds must not repeat a partner', 'duplicate');
  }

  private async checkPartner(
    manager: EntityManager,
    projectId: string,
    id: string | null,
    body: PartnerRequest,
  ): Promise<void> {
    if (await repository.shortNameTaken(manager, projectId, body.shortName, id))
      throw invalid('shortName', `shortName ${body.shortName} is already used by another partner`, 'shortNameTaken');
    if ((await repository.unknownPeople(manager, unique(body.personIds))).length > 0)
      throw invalid('personIds', 'personIds must name known people', 'unknownPerson');
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function groupRow(body: WorkingGroupRequest) {
  return { code: body.code, titleEn: body.title.en, titleZh: body.title.zh, aimEn: body.aim.en, aimZh: body.aim.zh };
}
