import type { AuthService } from '@roundtable/api-auth';
import type { AccessService } from '@roundtable/api-projects';
import { ApiException } from '@roundtable/api-platform';
import { documentAccess } from '@roundtable/domain';
import { CollabAdmission } from './collab-admission';

const P = 'project-p';
const DOC_A = '00000000-0000-4000-8000-00000000000a';
const DOC_B = '00000000-0000-4000-8000-00000000000b';
const DOC_HIDDEN = '00000000-0000-4000-8000-00000000000c';
const DOC_MISSING = '00000000-0000-4000-8000-00000000000d';

const row = (id: string, workingGroupId: string, projectId = P) => ({
  id,
  projectId,
  workingGroupId,
  type: 'paper',
  lockedAt: null,
  titleEn: 'Paper',
});

/** An AccessService double: three documents (one in another project) and a member of working group wg-a only. */
function fakeAccess(fail = false) {
  const batches: string[][] = [];
  const rows = new Map([
    [DOC_A, row(DOC_A, 'wg-a')],
    [DOC_B, row(DOC_B, 'wg-a')],
    [DOC_HIDDEN, row(DOC_HIDDEN, 'wg-x', 'project-q')],
  ]);
  const access = {
    documentRefsByIds: async (ids: readonly string[]) => {
      batches.push([...ids]);
      if (fail) throw new Error('database down');
      return new Map(ids.filter((id) => rows.has(id)).map((id) => [id, rows.get(id)]));
    },
    actorFor: async () => ({
      platformRole: 'member',
      personId: 'person-1',
      coordinatedProjectIds: [],
      memberships: [{ projectId: P, workingGroupId: 'wg-a', role: 'expert' }],
    }),
    minutesRestrictions: async () => new Map(),
  };
  return { access: access as unknown as AccessService, batches };
}

const member = { platformRole: 'member' as const, personId: 'person-1' };

describe('CollabAdmission document rows', () => {
  it('reads the rows asked for in one turn of the event loop in one query, and decides each by the policy', async () => {
    const { access, batches } = fakeAccess();
    const admission = new CollabAdmission({} as AuthService, access);
    const results = await Promise.allSettled([
      admission.documentAccessFor(member, DOC_A),
      admission.documentAccessFor(member, DOC_B),
      admission.documentAccessFor(member, DOC_A),
      admission.documentAccessFor(member, DOC_HIDDEN),
      admission.documentAccessFor(member, DOC_MISSING),
      admission.documentAccessFor(member, 'not-a-uuid'),
    ]);
    expect(batches).toEqual([[DOC_A, DOC_B, DOC_HIDDEN, DOC_MISSING]]);
    // The same decision as the shared policy on the same row (the admission only caches what it reads).
    const expected = documentAccess(await access.actorFor(member), { ...row(DOC_A, 'wg-a'), restricted: null });
    expect(expected).not.toBe('none');
    expect(results.slice(0, 3).map((r) => r.status === 'fulfilled' && r.value.access)).toEqual([
      expected,
      expected,
      expected,
    ]);
    for (const refused of results.slice(3)) {
      expect(refused.status).toBe('rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ApiException);
    }
  });

  it('caches a row until the document changes (locked), then reads it again', async () => {
    const { access, batches } = fakeAccess();
    const admission = new CollabAdmission({} as AuthService, access);
    await admission.documentAccessFor(member, DOC_A);
    await admission.documentAccessFor(member, DOC_A);
    expect(batches).toHaveLength(1);
    admission.documentChanged(DOC_A);
    await admission.documentAccessFor(member, DOC_A);
    expect(batches).toEqual([[DOC_A], [DOC_A]]);
  });

  it('fails every lookup of a failed batch and caches none of them', async () => {
    const failing = fakeAccess(true);
    const admission = new CollabAdmission({} as AuthService, failing.access);
    const results = await Promise.allSettled([
      admission.documentAccessFor(member, DOC_A),
      admission.documentAccessFor(member, DOC_B),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await Promise.allSettled([admission.documentAccessFor(member, DOC_A)]);
    expect(failing.batches).toEqual([[DOC_A, DOC_B], [DOC_A]]);
  });
});
