import { useState, type FormEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { newFootnoteId, safeHref } from '@roundtable/editor-schema';
import { useMessages, type KeyOf } from '@roundtable/web-i18n';
import { FigureForm } from './figure.form';
import { writingMessages } from './writing.messages';
import { CitationPicker, CitationTools } from './citation.picker';
import styles from './writing.module.css';

type Label = KeyOf<typeof writingMessages>;

interface ToolbarButton {
  key: string;
  label: Label;
  /** Tiptap's keyboard shortcut, `Mod` being Ctrl (⌘ on a Mac). */
  shortcut?: string;
  active?: boolean;
  enabled?: boolean;
  run: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-7" → "Ctrl+Shift+7" (or "⌘⇧7" on a Mac), as the toolbar's tooltips say it. */
export function shortcutText(shortcut: string, mac = isMac): string {
  const parts = shortcut.split('-');
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Shift: ['Shift', '⇧'],
    Alt: ['Alt', '⌥'],
  };
  const keys = parts.map((part) => names[part]?.[mac ? 1 : 0] ?? part.toUpperCase());
  return mac ? keys.join('') : keys.join('+');
}

/** The writing surface's toolbar: each button says its state (aria-pressed) and its shortcut (tooltip). */
export function EditorToolbar({
  editor,
  disabled,
  figureUploadPath,
}: {
  editor: Editor;
  disabled: boolean;
  /** Where figures' images are uploaded (the document's library). */
  figureUploadPath: string;
}) {
  const { t } = useMessages(writingMessages);
  const [linkOpen, setLinkOpen] = useState(false);
  const [figureOpen, setFigureOpen] = useState(false);
  const [citeOpen, setCiteOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      heading1: e.isActive('heading', { level: 1 }),
      heading2: e.isActive('heading', { level: 2 }),
      heading3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo?.() ?? false,
      canRedo: e.can().redo?.() ?? false,
      canMerge: e.can().mergeOrSplit(),
    }),
  });
  const chain = () => editor.chain().focus();

  const groups: Array<{ key: string; label: Label; buttons: ToolbarButton[] }> = [
    {
      key: 'history',
      label: 'writing.toolbar.history',
      buttons: [
        {
          key: 'undo',
          label: 'writing.toolbar.undo',
          shortcut: 'Mod-Z',
          enabled: state.canUndo,
          run: () => chain().undo().run(),
        },
        {
          key: 'redo',
          label: 'writing.toolbar.redo',
          shortcut: 'Mod-Shift-Z',
          enabled: state.canRedo,
          run: () => chain().redo().run(),
        },
      ],
    },
    {
      key: 'blocks',
      label: 'writing.toolbar.blocks',
      buttons: [
        {
          key: 'paragraph',
          label: 'writing.toolbar.paragraph',
          shortcut: 'Mod-Alt-0',
          active: state.paragraph,
          run: () => chain().setParagraph().run(),
        },
        ...([1, 2, 3] as const).map((level): ToolbarButton => ({
          key: `heading${level}`,
          label: `writing.toolbar.heading${level}`,
          shortcut: `Mod-Alt-${level}`,
          active: state[`heading${level}`],
          run: () => chain().toggleHeading({ level }).run(),
        })),
      ],
    },
    {
      key: 'marks',
      label: 'writing.toolbar.marks',
      buttons: [
        {
          key: 'bold',
          label: 'writing.toolbar.bold',
          shortcut: 'Mod-B',
          active: state.bold,
          run: () => chain().toggleBold().run(),
        },
        {
          key: 'italic',
          label: 'writing.toolbar.italic',
          shortcut: 'Mod-I',
          active: state.italic,
          run: () => chain().toggleItalic().run(),
        },
        {
          key: 'underline',
          label: 'writing.toolbar.underline',
          shortcut: 'Mod-U',
          active: state.underline,
          run: () => chain().toggleUnderline().run(),
        },
        {
          key: 'link',
          label: 'writing.toolbar.link',
          active: state.link || linkOpen,
          run: () => setLinkOpen((open) => !open),
        },
      ],
    },
    {
      key: 'lists',
      label: 'writing.toolbar.lists',
      buttons: [
        {
          key: 'bulletList',
          label: 'writing.toolbar.bulletList',
          shortcut: 'Mod-Shift-8',
          active: state.bulletList,
          run: () => chain().toggleBulletList().run(),
        },
        {
          key: 'orderedList',
          label: 'writing.toolbar.orderedList',
          shortcut: 'Mod-Shift-7',
          active: state.orderedList,
          run: () => chain().toggleOrderedList().run(),
        },
        {
          key: 'blockquote',
          label: 'writing.toolbar.blockquote',
          shortcut: 'Mod-Shift-B',
          active: state.blockquote,
          run: () => chain().toggleBlockquote().run(),
        },
      ],
    },
    {
      key: 'insert',
      label: 'writing.toolbar.insert',
      buttons: [
        {
          key: 'table',
          label: 'writing.toolbar.table',
          enabled: !state.inTable,
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
        {
          key: 'figure',
          label: 'writing.toolbar.figure',
          active: figureOpen,
          enabled: !state.inTable,
          run: () => setFigureOpen((open) => !open),
        },
        {
          key: 'footnote',
          label: 'writing.toolbar.footnote',
          shortcut: 'Mod-Alt-F',
          run: () => {
            const id = newFootnoteId();
            chain().insertFootnote({ id }).run();
            // Straight on to the note's text in the list under the document.
            requestAnimationFrame(() =>
              document.querySelector<HTMLTextAreaElement>(`textarea[data-footnote-id="${id}"]`)?.focus(),
            );
          },
        },
        {
          key: 'recommendation',
          label: 'writing.toolbar.recommendation',
          enabled: !state.inTable,
          // A fresh id; the server gives another one to any copy (ADR 042).
          run: () =>
            chain()
              .insertContent({
                type: 'recommendation',
                attrs: { recId: crypto.randomUUID(), title: '' },
                content: [{ type: 'paragraph' }],
              })
              .run(),
        },
      ],
    },
  ];
  if (state.inTable)
    groups.push({
      key: 'tableTools',
      label: 'writing.toolbar.tableTools',
      buttons: [
        { key: 'addRowAfter', label: 'writing.table.addRowAfter', run: () => chain().addRowAfter().run() },
        { key: 'deleteRow', label: 'writing.table.deleteRow', run: () => chain().deleteRow().run() },
        { key: 'addColumnAfter', label: 'writing.table.addColumnAfter', run: () => chain().addColumnAfter().run() },
        { key: 'deleteColumn', label: 'writing.table.deleteColumn', run: () => chain().deleteColumn().run() },
        { key: 'toggleHeaderRow', label: 'writing.table.toggleHeaderRow', run: () => chain().toggleHeaderRow().run() },
        {
          key: 'mergeOrSplit',
          label: 'writing.table.mergeOrSplit',
          enabled: state.canMerge,
          run: () => chain().mergeOrSplit().run(),
        },
        { key: 'deleteTable', label: 'writing.table.deleteTable', run: () => chain().deleteTable().run() },
      ],
    });

  return (
    <div className={styles.toolbarArea}>
      <div className={styles.toolbar} role="toolbar" aria-label={t('writing.toolbar.label')}>
        {groups.map((group) => (
          <div key={group.key} role="group" aria-label={t(group.label)} className={styles.group}>
            {group.buttons.map((button) => {
              const label = t(button.label);
              const tooltip = button.shortcut
                ? t('writing.toolbar.withShortcut', { label, shortcut: shortcutText(button.shortcut) })
                : label;
              return (
                <button
                  key={button.key}
                  type="button"
                  className={styles.button}
                  aria-pressed={button.active === undefined ? undefined : button.active}
                  aria-keyshortcuts={button.shortcut?.replace('Mod', isMac ? 'Meta' : 'Control').replace(/-/g, '+')}
                  title={tooltip}
                  disabled={disabled || button.enabled === false}
                  data-testid={`toolbar-${button.key}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={button.run}
                >
                  {label}
                </button>
              );
            })}
          </div>
        ))}
        <CitationTools editor={editor} disabled={disabled} open={citeOpen} onToggle={() => setCiteOpen((o) => !o)} />
      </div>
      {linkOpen ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
      {figureOpen ? (
        <FigureForm editor={editor} uploadPath={figureUploadPath} onDone={() => setFigureOpen(false)} />
      ) : null}
      {citeOpen ? <CitationPicker editor={editor} onDone={() => setCiteOpen(false)} /> : null}
    </div>
  );
}

/** Sets, changes or removes the link on the selection; only web, mail and phone addresses are taken. */
function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useMessages(writingMessages);
  const [href, setHref] = useState<string>(() => String(editor.getAttributes('link')['href'] ?? ''));
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) ? href.trim() : `https://${href.trim()}`;
    const safe = safeHref(withScheme);
    if (!href.trim() || !safe) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: safe }).run();
    onDone();
  };
  return (
    <form className={styles.linkForm} onSubmit={submit} data-testid="link-form">
      <label>
        <span>{t('writing.link.label')}</span>
        <input
          type="text"
          inputMode="url"
          value={href}
          placeholder={t('writing.link.placeholder')}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'link-invalid' : undefined}
          onChange={(event) => {
            setHref(event.target.value);
            setInvalid(false);
          }}
          autoFocus
          data-testid="link-href"
        />
      </label>
      <button type="submit" className="button button--small">
        {t('writing.link.apply')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onDone();
        }}
      >
        {t('writing.link.remove')}
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        {t('writing.link.cancel')}
      </button>
      {invalid ? (
        <p id="link-invalid" className="form__error" role="alert">
          {t('writing.link.invalid')}
        </p>
      ) : null}
    </form>
  );
}
