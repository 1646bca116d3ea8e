import { recordAudit } from '@roundtable/api-audit';
import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, ProjectRole, type ProjectRoleHolderDto } from '@roundtable/contracts';
import {
  ApiException,
  Clock,
  Policy,
  type PolicyDeclaration,
  PageQueryDto,
  pageInMemory,
  sendPage,
} from '@roundtable/api-platform';
import type { Response } from 'express';
import { IsIn, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessEvents } from '../access.events';
import { UuidParamPipe } from '../uuid-param.pipe';

const ROLES = Object.values(ProjectRole);

class GrantProjectRoleDto {
  @ApiProperty() @IsUUID('4', { message: 'personId must be a UUID' }) personId!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role!: ProjectRole;
}

/** Project-level groups: coordinators, the advisory board, external reviewers. Coordinators manage them. */
@Injectable()
export class ProjectRolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AccessEvents,
    private readonly clock: Clock,
  ) {}

  async list(projectId: string): Promise<ProjectRoleHolderDto[]> {
    const rows = await this.dataSource.query(
      `SELECT pr.person_id, p.display_name, p.country, pr.role, pr.granted_at
         FROM project_roles pr JOIN people p ON p.id = pr.person_id
        WHERE pr.project_id = $1 AND pr.revoked_at IS NULL ORDER BY pr.role, p.display_name`,
      [projectId],
    );
    return rows.map(
      (r: { person_id: string; display_name: string; country: string; role: ProjectRole; granted_at: Date }) => ({
        personId: r.person_id,
        displayName: r.display_name,
        country: r.country,
        role: r.role,
        grantedAt: r.granted_at.toISOString(),
      }),
    );
  }

  async grant(projectId: string, personId: string, role: ProjectRole): Promise<ProjectRoleHolderDto[]> {
    await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query('SELECT id FROM people WHERE id = $1', [personId]);
      if (!person)
        throw new ApiException(ErrorCode.ValidationFailed, 'Unknown person', {
          fields: [{ field: 'personId', code: 'unknownPerson', message: 'personId is not a known person' }],
        });
      await manager.query(
        `INSERT INTO project_roles (project_id, person_id, role, granted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (project_id, person_id, role) WHERE revoked_at IS NULL DO NOTHING`,
        [projectId, personId, role, this.clock.now()],
      );
      await recordAudit(manager, {
        actorUserId: null,
        action: 'projectRole.changed',
        subjectType: 'person',
        subjectId: personId,
        projectId,
        details: { role, granted: true },
      });
      await this.events.notifyAfterCommit(manager, personId);
    });
    return this.list(projectId);
  }

  async revoke(projectId: string, personId: string, role: string): Promise<void> {
    if (!ROLES.includes(role as ProjectRole)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid role', {
        fields: [
          {
            field: 'role',
            code: 'isIn',
            params: { allowed: ROLES.join(', ') },
            message: `role must be one of ${ROLES.join(', ')}`,
          },
        ],
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(
        'UPDATE project_roles SET revoked_at = $4 WHERE project_id = $1 AND person_id = $2 AND role = $3 AND revoked_at IS NULL',
        [projectId, personId, role, this.clock.now()],
      );
      if (count === 0) throw new ApiException(ErrorCode.NotFound, 'This person does not hold that role.');
      await recordAudit(manager, {
        actorUserId: null,
        action: 'projectRole.changed',
        subjectType: 'person',
        subjectId: personId,
        projectId,
        details: { role, granted: false },
      });
      await this.events.notifyAfterCommit(manager, personId);
    });
  }
}

const MANAGE_ROLES: PolicyDeclaration = {
  action: 'call.manage',
  resource: { type: 'project', param: 'id' },
  denied: 'Only coordinators manage project roles.',
};

@ApiTags('projects')
@Controller('projects/:id/roles')
export class ProjectRolesController {
  constructor(private readonly roles: ProjectRolesService) {}

  @Policy({ read: { type: 'project', param: 'id' } })
  @Get()
  async list(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() page: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectRoleHolderDto[]> {
    return sendPage(response, pageInMemory(await this.roles.list(id), page));
  }

  @Policy(MANAGE_ROLES)
  @Post()
  grant(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: GrantProjectRoleDto,
  ): Promise<ProjectRoleHolderDto[]> {
    return this.roles.grant(id, body.personId, body.role);
  }

  @Policy(MANAGE_ROLES)
  @Delete(':personId/:role')
  @HttpCode(204)
  async revoke(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Param('role') role: string,
  ): Promise<void> {
    await this.roles.revoke(id, personId, role);
  }
}
