import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, ProjectRole, type ProjectRoleHolderDto } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ApiException, Policy } from '@roundtable/api-platform';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { IsIn, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../access.service';
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
    private readonly access: AccessService,
    private readonly events: AccessEvents,
  ) {}

  async list(user: AuthenticatedUser, projectId: string): Promise<ProjectRoleHolderDto[]> {
    const actor = await this.access.actorFor(user);
    if (!can(actor, 'project.read', { projectId })) throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    const rows = await this.dataSource.query(
      `SELECT pr.person_id, p.display_name, p.country, pr.role, pr.granted_at
         FROM project_roles pr JOIN people p ON p.id = pr.person_id
        WHERE pr.project_id = $1 AND pr.revoked_at IS NULL ORDER BY pr.role, p.display_name`,
      [projectId],
    );
    return rows.map((r: { person_id: string; display_name: string; country: string; role: ProjectRole; granted_at: Date }) => ({
      personId: r.person_id,
      displayName: r.display_name,
      country: r.country,
      role: r.role,
      grantedAt: r.granted_at.toISOString(),
    }));
  }

  async grant(user: AuthenticatedUser, projectId: string, personId: string, role: ProjectRole): Promise<ProjectRoleHolderDto[]> {
    await this.assertCoordinator(user, projectId);
    await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query('SELECT id FROM people WHERE id = $1', [personId]);
      if (!person) throw new ApiException(ErrorCode.ValidationFailed, 'Unknown person', { fields: [{ field: 'personId', message: 'personId is not a known person' }] });
      await manager.query(
        `INSERT INTO project_roles (project_id, person_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (project_id, person_id, role) WHERE revoked_at IS NULL DO NOTHING`,
        [projectId, personId, role],
      );
      await this.events.notifyAfterCommit(manager, personId);
    });
    return this.list(user, projectId);
  }

  async revoke(user: AuthenticatedUser, projectId: string, personId: string, role: string): Promise<void> {
    await this.assertCoordinator(user, projectId);
    if (!ROLES.includes(role as ProjectRole)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid role', { fields: [{ field: 'role', message: `role must be one of ${ROLES.join(', ')}` }] });
    }
    await this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(
        'UPDATE project_roles SET revoked_at = now() WHERE project_id = $1 AND person_id = $2 AND role = $3 AND revoked_at IS NULL',
        [projectId, personId, role],
      );
      if (count === 0) throw new ApiException(ErrorCode.NotFound, 'This person does not hold that role.');
      await this.events.notifyAfterCommit(manager, personId);
    });
  }

  private async assertCoordinator(user: AuthenticatedUser, projectId: string): Promise<void> {
    const actor = await this.access.actorFor(user);
    if (!can(actor, 'project.read', { projectId })) throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    if (!can(actor, 'call.manage', { projectId })) throw new ApiException(ErrorCode.Forbidden, 'Only coordinators manage project roles.');
  }
}

@ApiTags('projects')
@Controller('projects/:id/roles')
export class ProjectRolesController {
  constructor(private readonly roles: ProjectRolesService) {}

  @Policy('project.read')
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<ProjectRoleHolderDto[]> {
    return this.roles.list(user, id);
  }

  @Policy('call.manage')
  @Post()
  grant(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string, @Body() body: GrantProjectRoleDto): Promise<ProjectRoleHolderDto[]> {
    return this.roles.grant(user, id, body.personId, body.role);
  }

  @Policy('call.manage')
  @Delete(':personId/:role')
  @HttpCode(204)
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('personId', new UuidParamPipe('personId')) personId: string,
    @Param('role') role: string,
  ): Promise<void> {
    await this.roles.revoke(user, id, personId, role);
  }
}
