import type { LibraryFileDto, LibraryFileVersionDto } from '@roundtable/contracts';
import { can, type Actor } from '@roundtable/domain';
import type { LibraryTarget } from './library.input';
import type { FileRow, VersionRow } from './library.repository';

/** Pure: library rows in, DTOs out, with what the actor may do from `can`. */

/** The policy resource of a library (a group's, or the project's when `workingGroupId` is null). */
export function libraryResource(target: Pick<LibraryTarget, 'projectId' | 'workingGroupId'>, ownedByActor = false) {
  return {
    projectId: target.projectId,
    workingGroupIds: target.workingGroupId ? [target.workingGroupId] : [],
    ownedByActor,
  };
}

/** The libraries of a project (its groups', then its own) the actor may upload to; null is the project's. */
export function uploadTargets(actor: Actor, projectId: string, workingGroupIds: string[]): Array<string | null> {
  return [...workingGroupIds, null].filter((workingGroupId) =>
    can(actor, 'library.upload', libraryResource({ projectId, workingGroupId })),
  );
}

export function presentFile(actor: Actor, userId: string, row: FileRow, latest: VersionRow): LibraryFileDto {
  const target = { projectId: row.project_id, workingGroupId: row.working_group_id };
  return {
    id: row.id,
    projectId: row.project_id,
    workingGroupId: row.working_group_id,
    workingGroupCode: row.working_group_code,
    name: row.name,
    description: row.description,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    uploadedBy: row.created_by,
    latest: presentVersion(latest),
    versionCount: row.version_count,
    canUpload: can(actor, 'library.upload', libraryResource(target)),
    canEdit: can(actor, 'library.edit', libraryResource(target, row.created_by_user_id === userId)),
    canDelete: can(actor, 'library.delete', libraryResource(target)),
  };
}

export function presentVersion(row: VersionRow): LibraryFileVersionDto {
  return {
    id: row.id,
    number: row.number,
    fileName: row.file_name,
    kind: row.kind,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256.trim(),
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by,
    note: row.note,
  };
}
