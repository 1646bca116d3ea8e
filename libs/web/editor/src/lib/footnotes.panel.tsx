import { useEditorState, type Editor } from '@tiptap/react';
import { useMessages } from '@roundtable/web-i18n';
import { numberedNodes } from './figure-numbers';
import { figuresMessages } from './figures.messages';
import styles from './figures.module.css';

/**
 * The footnotes under the text, numbered as in the text (document order, live): each note's text is edited
 * here and lands in its footnote mark in the shared document, so co-authors see it at once.
 */
export function FootnotesPanel({ editor, editable }: { editor: Editor; editable: boolean }) {
  const { t } = useMessages(figuresMessages);
  const notes = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      numberedNodes(e.state.doc, 'footnote').map(({ node, number, pos }) => ({
        id: String(node.attrs['id'] ?? ''),
        text: String(node.attrs['text'] ?? ''),
        number,
        pos,
      })),
    equalityFn: (a, b) =>
      !!b && a.length === b.length && a.every((n, i) => n.id === b[i].id && n.text === b[i].text && n.pos === b[i].pos),
  });
  return (
    <section className={styles.notes} aria-labelledby="footnotes-title" data-testid="footnotes">
      <h2 id="footnotes-title" className={styles.notesTitle}>
        {t('figures.notes.title')}
      </h2>
      {notes.length === 0 ? (
        <p className={styles.notesEmpty}>{t('figures.notes.empty')}</p>
      ) : (
        <ol className={styles.notesList}>
          {notes.map((note) => (
            <li key={`${note.id}-${note.number}`} value={note.number} data-testid="footnote-item">
              <button
                type="button"
                className={`link-button ${styles.noteNumber}`}
                aria-label={t('figures.notes.goTo', { number: note.number })}
                onClick={() => editor.chain().focus().setNodeSelection(note.pos).scrollIntoView().run()}
              >
                {note.number}
              </button>
              <textarea
                className={styles.noteText}
                rows={1}
                value={note.text}
                readOnly={!editable}
                aria-label={t('figures.notes.text', { number: note.number })}
                placeholder={t('figures.notes.placeholder')}
                data-testid={`footnote-text-${note.number}`}
                data-footnote-id={note.id}
                onChange={(event) => editor.commands.setFootnoteText(note.id, event.target.value)}
              />
              {editable ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('figures.notes.remove', { number: note.number })}
                  onClick={() =>
                    editor
                      .chain()
                      .deleteRange({ from: note.pos, to: note.pos + 1 })
                      .run()
                  }
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
