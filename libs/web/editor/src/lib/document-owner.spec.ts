import { documentPageFrame } from './document-owner';

describe('documentPageFrame', () => {
  it('shows approved minutes as approved, not as a draft document, and leads back to the minutes', () => {
    expect(documentPageFrame({ status: 'draft', owner: { kind: 'minutes', id: 'm-1', status: 'approved' } })).toEqual({
      back: { to: '/minutes/m-1', label: 'editor.backToMinutes' },
      status: 'editor.minutesStatus.approved',
    });
  });

  it('follows the minutes through their states', () => {
    expect(
      documentPageFrame({ status: 'draft', owner: { kind: 'minutes', id: 'm-1', status: 'circulated' } }).status,
    ).toBe('editor.minutesStatus.circulated');
  });

  it('shows a free-standing document with its own status and leads Home', () => {
    expect(documentPageFrame({ status: 'in-review', owner: null })).toEqual({
      back: { to: '/', label: 'editor.back' },
      status: 'documentStatus.in-review',
    });
  });
});
