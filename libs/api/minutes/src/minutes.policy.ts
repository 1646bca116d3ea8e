import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry, type LoadedResource, type PolicyUser } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';

interface MinutesFacts {
  project_id: string;
  meeting_group_id: string | null;
  document_group_id: string | null;
  locked_at: Date | null;
  status: string;
  invited: boolean;
  owner_person_id?: string;
}

// The minutes' meeting (for can()) and document (for who sees them), with whether the caller is invited.
const MINUTES_FACTS = `
  SELECT m.project_id, m.working_group_id AS meeting_group_id, d.working_group_id AS document_group_id, d.locked_at, mm.status,
         EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.person_id = $2) AS invited
    FROM meeting_minutes mm JOIN meetings m ON m.id = mm.meeting_id JOIN documents d ON d.id = mm.document_id`;

/**
 * Loads minutes and action items for `PolicyGuard`: both are seen exactly when the minutes document is
 * (draft minutes: the meeting's group, its invitees and the coordinators).
 */
@Injectable()
export class MinutesPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('minutes', {
      notFound: 'Minutes not found.',
      visibleWith: 'document',
      load: async (id, user) => this.minutes(`${MINUTES_FACTS} WHERE mm.id = $1`, id, user),
    });
    this.registry.registerLoader('actionItem', {
      notFound: 'Action item not found.',
      visibleWith: 'document',
      load: async (id, user) =>
        this.minutes(
          `${MINUTES_FACTS.replace('SELECT', 'SELECT a.owner_person_id,')} JOIN action_items a ON a.minutes_id = mm.id WHERE a.id = $1`,
          id,
          user,
        ),
    });
  }

  private async minutes(sql: string, id: string, user: PolicyUser): Promise<LoadedResource | null> {
    const [facts]: MinutesFacts[] = await this.dataSource.query(sql, [id, user.personId]);
    if (!facts) return null;
    const workingGroupIds = facts.meeting_group_id ? [facts.meeting_group_id] : [];
    return {
      ref: {
        projectId: facts.project_id,
        workingGroupIds,
        invited: facts.invited,
        personId: facts.owner_person_id,
      },
      entity: { workingGroupId: facts.meeting_group_id },
      document: {
        projectId: facts.project_id,
        workingGroupId: facts.document_group_id,
        lockedAt: facts.locked_at,
        restricted: facts.status === 'approved' ? null : { invited: facts.invited },
      },
    };
  }
}
