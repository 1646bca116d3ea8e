import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';

/** Loads meetings for `PolicyGuard`: a meeting is seen per 'meeting.read' (minutes load theirs: `MinutesPolicy`). */
@Injectable()
export class MeetingsPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('meeting', {
      notFound: 'Meeting not found.',
      visibleWith: 'meeting.read',
      load: async (id, user) => {
        const [meeting]: Array<{ project_id: string; working_group_id: string | null; invited: boolean }> =
          await this.dataSource.query(
            `SELECT m.project_id, m.working_group_id,
                  EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.person_id = $2) AS invited
             FROM meetings m WHERE m.id = $1`,
            [id, user.personId],
          );
        return (
          meeting && {
            ref: {
              projectId: meeting.project_id,
              workingGroupIds: groupIds(meeting.working_group_id),
              invited: meeting.invited,
            },
          }
        );
      },
    });
  }
}

function groupIds(workingGroupId: string | null): string[] {
  return workingGroupId ? [workingGroupId] : [];
}
