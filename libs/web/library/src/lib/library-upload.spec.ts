import { uploadFields } from './library-upload';

describe('uploadFields', () => {
  const values = { description: 'Survey of hospitals', tags: 'survey, wg1', note: 'Table 2 corrected' };

  it('sends a new version’s note, and not the file’s description or tags', () => {
    expect(uploadFields('version', values)).toEqual({ note: 'Table 2 corrected' });
  });

  it('sends a new file’s description and tags, and no note', () => {
    expect(uploadFields('file', values)).toEqual({ description: 'Survey of hospitals', tags: 'survey, wg1' });
  });

  it('leaves blank fields out', () => {
    expect(uploadFields('version', { description: '', tags: '', note: '  ' })).toEqual({});
    expect(uploadFields('file', { description: ' ', tags: 'a', note: '' })).toEqual({ tags: 'a' });
  });
});
