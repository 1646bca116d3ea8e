/** @jest-environment @happy-dom/jest-environment */
import { fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '@roundtable/web-i18n';
import { EditableList } from './editable-list';

const items = [
  { id: 'p-1', name: 'UNIMI' },
  { id: 'p-2', name: 'PKU' },
];

function List() {
  return (
    <EditableList
      section="partners"
      title="Partners"
      newLabel="New partner"
      savedLabel="Partner saved."
      items={items}
      itemAttributes={(item) => ({ testId: 'structure-partner', name: item.name, data: { 'data-name': item.name } })}
      summary={(item) => item.name}
      editor={(item, onSaved, onCancel) => (
        <div data-testid="editor" data-for={item?.id ?? 'new'}>
          <button type="button" onClick={onSaved}>
            save
          </button>
          <button type="button" onClick={onCancel}>
            cancel
          </button>
        </div>
      )}
    />
  );
}

beforeAll(() => initI18n('en'));

describe('EditableList', () => {
  it('opens one editor at a time, beside its item or at the top for a new one', () => {
    render(<List />);
    expect(screen.queryByTestId('editor')).toBeNull();
    fireEvent.click(screen.getByTestId('partner-edit-PKU'));
    expect(screen.getByTestId('editor').getAttribute('data-for')).toBe('p-2');
    expect(screen.getByTestId('editor').closest('li')?.getAttribute('data-name')).toBe('PKU');
    fireEvent.click(screen.getByTestId('partner-new'));
    expect(screen.getAllByTestId('editor').map((e) => e.getAttribute('data-for'))).toEqual(['new']);
  });

  it('says "saved" after a save, and not after a cancel', () => {
    render(<List />);
    fireEvent.click(screen.getByTestId('partner-edit-UNIMI'));
    fireEvent.click(screen.getByText('cancel'));
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByTestId('partner-edit-UNIMI'));
    fireEvent.click(screen.getByText('save'));
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Partner saved.');
    // Opening another editor clears the message.
    fireEvent.click(screen.getByTestId('partner-new'));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
