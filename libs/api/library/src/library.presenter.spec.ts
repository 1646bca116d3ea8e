import type { Actor } from '@roundtable/domain';
import { presentFile, presentVersion, uploadTargets } from './library.presenter';
import type { FileRow, VersionRow } from './library.repository';

const expert: Actor = {
  platformRole: 'member',
  coordinatedProjectIds: [],
  memberships: [{ projectId: 'p1', workingGroupId: 'wg1', role: 'expert' }],
};

const file: FileRow = {
  id: 'f1',
  project_id: 'p1',
  working_group_id: 'wg1',
  working_group_code: 'WG1',
  name: 'notes.pdf',
  description: 'Notes',
  tags: ['ethics'],
  created_by_user_id: 'u1',
  created_by: 'WG1 expert',
  created_at: new Date('2026-01-01T10:00:00Z'),
  updated_at: new Date('2026-01-02T10:00:00Z'),
  version_count: 2,
};

const version: VersionRow = {
  id: 'v2',
  file_id: 'f1',
  number: 2,
  file_name: 'notes v2.pdf',
  kind: 'pdf',
  content_type: 'application/pdf',
  size_bytes: '1048576',
  sha256: 'ab'.repeat(32) + '  ',
  uploaded_at: new Date('2026-01-02T10:00:00Z'),
  uploaded_by: 'WG1 expert',
  note: 'typos',
};

describe('library presenter', () => {
  it('lets an expert upload to their own group only, never to the project library', () => {
    expect(uploadTargets(expert, 'p1', ['wg1', 'wg2'])).toEqual(['wg1']);
    const coordinator: Actor = { platformRole: 'member', coordinatedProjectIds: ['p1'], memberships: [] };
    expect(uploadTargets(coordinator, 'p1', ['wg1', 'wg2'])).toEqual(['wg1', 'wg2', null]);
  });

  it('lets the uploader edit but not delete their file', () => {
    const dto = presentFile(expert, 'u1', file, version);
    expect(dto).toMatchObject({ canUpload: true, canEdit: true, canDelete: false, versionCount: 2 });
    expect(presentFile(expert, 'someone-else', file, version).canEdit).toBe(false);
  });

  it('gives sizes as numbers and digests without padding', () => {
    const dto = presentVersion(version);
    expect(dto.sizeBytes).toBe(1048576);
    expect(dto.sha256).toBe('ab'.repeat(32));
    expect(dto.uploadedAt).toBe('2026-01-02T10:00:00.000Z');
  });
});
