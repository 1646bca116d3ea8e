import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { useMessages } from '@roundtable/web-i18n';
import { citationStateOf } from './citation-labels';
import { citationsMessages } from './citations.messages';
import writing from './writing.module.css';
import styles from './citations.module.css';

/** Inline editor content (a formatted reference) as React: italics and bold kept. */
export function InlineContent({ content }: { content: JSONContent[] }) {
  return (
    <>
      {content.map((node, i) => {
        const marks = (node.marks ?? []).map((m) => m.type);
        let element: React.ReactNode = node.text ?? '';
        if (marks.includes('italic')) element = <em>{element}</em>;
        if (marks.includes('bold')) element = <strong>{element}</strong>;
        return <span key={i}>{element}</span>;
      })}
    </>
  );
}

/** The document's formatted reference entries, live (references, style and citations of the shared doc). */
export function useReferenceEntries(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = citationStateOf(e.state);
      return { entries: state?.formatting.entries ?? [], style: state?.style ?? 'vancouver' };
    },
  });
}

/** The toolbar's citation tools: "Cite" (opens the picker) and "Reference list" (inserts the generated list). */
export function CitationTools({
  editor,
  disabled,
  open,
  onToggle,
}: {
  editor: Editor;
  disabled: boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useMessages(citationsMessages);
  return (
    <div role="group" aria-label={t('citations.toolbar.group')} className={writing.group}>
      <button
        type="button"
        className={writing.button}
        aria-pressed={open}
        aria-expanded={open}
        disabled={disabled}
        data-testid="toolbar-cite"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onToggle}
      >
        {t('citations.toolbar.cite')}
      </button>
      <button
        type="button"
        className={writing.button}
        disabled={disabled}
        data-testid="toolbar-bibliography"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.chain().focus().insertBibliography().run()}
      >
        {t('citations.toolbar.bibliography')}
      </button>
    </div>
  );
}

/**
 * Chooses references to cite at the cursor: a list of checkboxes (Tab and Space), Enter inserts, Escape
 * closes. The citation is one node naming the chosen references in the order they were ticked.
 */
export function CitationPicker({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useMessages(citationsMessages);
  const { entries } = useReferenceEntries(editor);
  const [chosen, setChosen] = useState<string[]>([]);
  const close = () => {
    onDone();
    editor.commands.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    editor.chain().focus().insertCitation(chosen).run();
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  return (
    <form className={styles.picker} onSubmit={submit} onKeyDown={onKeyDown} data-testid="citation-picker">
      <fieldset>
        <legend>{t('citations.picker.legend')}</legend>
        {entries.length === 0 ? (
          <p>{t('citations.picker.empty')}</p>
        ) : (
          <>
            <p className={styles.hint}>{t('citations.picker.hint')}</p>
            <ul className={styles.choices}>
              {entries.map((entry, i) => (
                <li key={entry.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(entry.id)}
                      autoFocus={i === 0}
                      data-testid={`cite-choice-${entry.id}`}
                      onChange={(event) =>
                        setChosen((ids) =>
                          event.target.checked ? [...ids, entry.id] : ids.filter((id) => id !== entry.id),
                        )
                      }
                    />
                    <span>
                      <InlineContent content={entry.content} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="button button--small" disabled={chosen.length === 0} data-testid="cite-insert">
          {t('citations.picker.insert')}
        </button>
        <button type="button" className="link-button" onClick={close}>
          {t('citations.picker.cancel')}
        </button>
      </div>
    </form>
  );
}
