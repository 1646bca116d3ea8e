import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ExpertCallDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, Project, WorkingGroup } from '@roundtable/api-projects';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { CreateExpertCallDto } from './calls.dto';
import { ExpertCall, ExpertCallGroup } from './open-call.entities';
import { presentCall } from './open-call.presenters';

const CALL_NOT_FOUND = 'Call for experts not found.';

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, body: CreateExpertCallDto): Promise<ExpertCallDto> {
    const project = await this.dataSource.getRepository(Project).findOneByOrFail({ id: body.projectId });
    const groups = await this.dataSource
      .getRepository(WorkingGroup)
      .find({ where: { id: In(body.workingGroupIds), projectId: project.id } });
    const unknown = body.workingGroupIds.filter((id) => !groups.some((g) => g.id === id));
    if (unknown.length > 0) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid workingGroupIds', {
        fields: [
          {
            field: 'workingGroupIds',
            code: 'unknownWorkingGroup',
            message: `workingGroupIds must be working groups of the project; not in it: ${unknown.join(', ')}`,
          },
        ],
      });
    }
    if (Date.parse(body.closesAt) <= this.clock.now().getTime()) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid closesAt', {
        fields: [
          {
            field: 'closesAt',
            code: 'inFuture',
            message:
              'closesAt must be an ISO 8601 date-time with a time zone (e.g. 2030-01-31T23:59:00Z) in the future',
          },
        ],
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const call = await manager.getRepository(ExpertCall).save({
        projectId: project.id,
        titleEn: body.title.en,
        titleZh: body.title.zh,
        descriptionEn: body.description.en,
        descriptionZh: body.description.zh,
        eligibilityEn: body.eligibility.en,
        eligibilityZh: body.eligibility.zh,
        closesAt: new Date(body.closesAt),
        closedAt: null,
        createdByUserId: user.id,
      });
      await manager
        .getRepository(ExpertCallGroup)
        .insert(body.workingGroupIds.map((workingGroupId) => ({ callId: call.id, workingGroupId })));
      return call.id;
    });
    return this.present(await this.dataSource.getRepository(ExpertCall).findOneOrFail({ where: { id } }));
  }

  /** Calls of the projects the caller belongs to (or of one project), newest first. */
  async list(user: AuthenticatedUser, projectId?: string): Promise<ExpertCallDto[]> {
    const actor = await this.access.actorFor(user);
    if (projectId && !can(actor, 'project.read', { projectId }))
      throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    const calls = await this.dataSource.getRepository(ExpertCall).find({
      where: projectId ? { projectId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return this.presentMany(calls.filter((call) => can(actor, 'project.read', { projectId: call.projectId })));
  }

  async get(id: string): Promise<ExpertCallDto> {
    return this.present(await this.mustFind(id));
  }

  /** Closes the call now; closing a closed call changes nothing. */
  async close(id: string): Promise<ExpertCallDto> {
    await this.dataSource.getRepository(ExpertCall).update({ id, closedAt: IsNull() }, { closedAt: this.clock.now() });
    return this.present(await this.dataSource.getRepository(ExpertCall).findOneOrFail({ where: { id } }));
  }

  /** The public view of a call (no login): open or closed, 404 only when unknown. */
  async getPublic(id: string): Promise<ExpertCallDto> {
    return this.present(await this.mustFind(id));
  }

  private async mustFind(id: string): Promise<ExpertCall> {
    const call = await this.dataSource.getRepository(ExpertCall).findOne({ where: { id } });
    if (!call) throw new ApiException(ErrorCode.NotFound, CALL_NOT_FOUND);
    return call;
  }

  async present(call: ExpertCall, manager: EntityManager = this.dataSource.manager): Promise<ExpertCallDto> {
    return (await this.presentMany([call], manager))[0];
  }

  async presentMany(calls: ExpertCall[], manager: EntityManager = this.dataSource.manager): Promise<ExpertCallDto[]> {
    if (calls.length === 0) return [];
    const links = await manager.getRepository(ExpertCallGroup).find({ where: { callId: In(calls.map((c) => c.id)) } });
    const groups = links.length
      ? await manager
          .getRepository(WorkingGroup)
          .find({ where: { id: In([...new Set(links.map((l) => l.workingGroupId))]) } })
      : [];
    return calls.map((call) =>
      presentCall(
        call,
        groups.filter((g) => links.some((l) => l.callId === call.id && l.workingGroupId === g.id)),
        this.clock.now(),
      ),
    );
  }
}
