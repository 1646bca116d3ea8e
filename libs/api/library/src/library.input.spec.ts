import { ApiException } from '@roundtable/api-platform';
import { editedTags, listQuery, maxUploadBytes, metadataFields } from './library.input';

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiException) {
      return (error.extra.fields ?? []).map((f) => f.field);
    }
    throw error;
  }
  throw new Error('expected a 400');
}

describe('library input', () => {
  it('takes description and tags on a first upload and only a note on a new version', () => {
    expect(metadataFields({ description: ' Notes ', tags: 'Ethics, data' }, 'file')).toEqual({
      description: 'Notes',
      tags: ['ethics', 'data'],
      note: undefined,
    });
    expect(metadataFields({ note: ' typos ' }, 'version').note).toBe('typos');
    expect(fieldsOf(() => metadataFields({ note: 'x' }, 'file'))).toEqual(['note']);
    expect(fieldsOf(() => metadataFields({ description: 'x', tags: 'a' }, 'version'))).toEqual(['description', 'tags']);
  });

  it('names each bad list parameter', () => {
    expect(listQuery('q', 'tag', 'project')).toEqual({ q: 'q', tag: 'tag', workingGroupId: 'project' });
    expect(fieldsOf(() => listQuery('x'.repeat(201), undefined, 'WG1'))).toEqual(['workingGroupId', 'q']);
  });

  it('refuses bad tags of an edit by field', () => {
    expect(editedTags(undefined)).toBeUndefined();
    expect(editedTags(['Ethics', 'ethics'])).toEqual(['ethics']);
    expect(fieldsOf(() => editedTags(['x'.repeat(500)]))).toEqual(['tags']);
  });

  it('reads the upload limit from LIBRARY_MAX_UPLOAD_MB', () => {
    const before = process.env.LIBRARY_MAX_UPLOAD_MB;
    try {
      process.env.LIBRARY_MAX_UPLOAD_MB = '2';
      expect(maxUploadBytes()).toBe(2 * 1024 * 1024);
      process.env.LIBRARY_MAX_UPLOAD_MB = '0.5';
      expect(maxUploadBytes()).toBe(512 * 1024);
    } finally {
      if (before === undefined) delete process.env.LIBRARY_MAX_UPLOAD_MB;
      else process.env.LIBRARY_MAX_UPLOAD_MB = before;
    }
  });
});
