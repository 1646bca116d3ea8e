import { LIBRARY_CONTENT_TYPES, checkLibraryFile } from '@roundtable/domain';
import { createHash } from 'crypto';
import type { EntityManager } from 'typeorm';
import { DEMO_PARTNERS, DEMO_WORKING_GROUPS } from './demo-data';

/** A working document of the demo library, its content generated here (no real personal data). */
interface DemoLibraryFile {
  key: string;
  /** null: a project-level file. */
  wg: string | null;
  uploader: string;
  description: string;
  tags: string[];
  /** Oldest first; each is one version. */
  versions: Array<{ fileName: string; content: string; uploadedAt: string }>;
}

function partnerTable(codes: string[]): string {
  const rows = DEMO_PARTNERS.filter((p) => codes.length === 0 || codes.includes(p.shortName));
  return (
    ['short_name,full_name,country', ...rows.map((p) => `${p.shortName},"${p.fullName}",${p.country}`)].join('\n') +
    '\n'
  );
}

function build(): DemoLibraryFile[] {
  const files: DemoLibraryFile[] = [];
  for (const [index, group] of DEMO_WORKING_GROUPS.entries()) {
    const wg = group.code.toLowerCase();
    const month = String(3 + index).padStart(2, '0');
    files.push({
      key: `${wg}-library-kickoff-notes`,
      wg: group.code,
      uploader: `${wg}-eu-cochair@example.org`,
      description: `Notes from the ${group.code} kick-off: aim, dimensions and first assignments.`,
      tags: ['kick-off', 'notes'],
      versions: [
        {
          fileName: `${group.code} kick-off notes.md`,
          uploadedAt: `2021-${month}-05T10:00:00Z`,
          content: `# ${group.code} kick-off — ${group.titleEn}\n\n${group.aimEn}\n\n## First assignments\n\n- Collect sources for the position papers\n- Draft outlines: ${group.papers.map((p) => p.titleEn).join('; ')}\n`,
        },
        {
          fileName: `${group.code} kick-off notes.md`,
          uploadedAt: `2021-${month}-12T10:00:00Z`,
          content: `# ${group.code} kick-off — ${group.titleEn}\n\n${group.aimEn}\n\n## First assignments\n\n- Collect sources for the position papers\n- Draft outlines: ${group.papers.map((p) => p.titleEn).join('; ')}\n\n## 中文摘要\n\n${group.aimZh}\n`,
        },
      ],
    });
    files.push({
      key: `${wg}-library-guiding-partners`,
      wg: group.code,
      uploader: `${wg}-expert@example.org`,
      description: `Guiding partners of ${group.code}, for contact lists and the harmonisation workshop.`,
      tags: ['partners', 'contacts'],
      versions: [
        {
          fileName: `${wg}-guiding-partners.csv`,
          uploadedAt: `2021-${month}-20T08:30:00Z`,
          content: partnerTable(group.guidingPartners),
        },
      ],
    });
  }
  files.push({
    key: 'project-library-partners',
    wg: null,
    uploader: 'coordinator@example.org',
    description: 'All IC2PerMed partners, shared by the coordination for every working group.',
    tags: ['partners', 'project'],
    versions: [
      { fileName: 'IC2PerMed partners 项目伙伴.csv', uploadedAt: '2021-02-15T09:00:00Z', content: partnerTable([]) },
    ],
  });
  return files;
}

export const DEMO_LIBRARY_FILES: DemoLibraryFile[] = build();

/** Adds the demo library files that are missing (keyed by seed_key), each with all its versions. */
export async function seedLibrary(
  manager: EntityManager,
  projectId: string,
  groupIds: Map<string, string>,
): Promise<void> {
  for (const file of DEMO_LIBRARY_FILES) {
    const uploader = `(SELECT id FROM users WHERE lower(email) = '${file.uploader}')`;
    const last = file.versions[file.versions.length - 1];
    const [inserted]: Array<{ id: string }> = await manager.query(
      `INSERT INTO library_files (project_id, working_group_id, name, description, tags, created_by_user_id, created_at, updated_at, seed_key)
       VALUES ($1, $2, $3, $4, $5, ${uploader}, $6, $7, $8) ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
      [
        projectId,
        file.wg ? groupIds.get(file.wg) : null,
        last.fileName,
        file.description,
        file.tags,
        file.versions[0].uploadedAt,
        last.uploadedAt,
        file.key,
      ],
    );
    if (!inserted) continue;
    for (const [index, version] of file.versions.entries()) {
      const bytes = Buffer.from(version.content, 'utf8');
      const check = checkLibraryFile(version.fileName, bytes);
      if (!check.ok) throw new Error(`demo library file ${version.fileName}: ${check.message}`);
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO library_file_versions (file_id, number, file_name, kind, content_type, size_bytes, sha256, uploaded_by_user_id, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${uploader}, $8) RETURNING id`,
        [
          inserted.id,
          index + 1,
          version.fileName,
          check.kind,
          LIBRARY_CONTENT_TYPES[check.kind],
          bytes.length,
          createHash('sha256').update(bytes).digest('hex'),
          version.uploadedAt,
        ],
      );
      await manager.query('INSERT INTO library_file_blobs (version_id, bytes) VALUES ($1, $2)', [row.id, bytes]);
    }
  }
}
