import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyRegistry } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import type { LibraryTarget } from './library.input';

/** Loads library files for `PolicyGuard` (the entity is the file as an upload target); deleted files are not found. */
@Injectable()
export class LibraryPolicy implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PolicyRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerLoader('libraryFile', {
      notFound: 'File not found.',
      visibleWith: 'project.read',
      load: async (id, user) => {
        const [file]: Array<{
          project_id: string;
          working_group_id: string | null;
          created_by_user_id: string | null;
        }> = await this.dataSource.query(
          'SELECT project_id, working_group_id, created_by_user_id FROM library_files WHERE id = $1 AND deleted_at IS NULL',
          [id],
        );
        if (!file) return null;
        const target: LibraryTarget = { projectId: file.project_id, workingGroupId: file.working_group_id, fileId: id };
        const workingGroupIds = file.working_group_id ? [file.working_group_id] : [];
        return {
          ref: { projectId: file.project_id, workingGroupIds, ownedByActor: file.created_by_user_id === user.id },
          entity: target,
        };
      },
    });
  }
}
