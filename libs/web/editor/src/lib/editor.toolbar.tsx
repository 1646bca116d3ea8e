import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Bold, italic, H2 and bullet list; buttons expose their state with aria-pressed. */
export function EditorToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading2: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
    }),
  });

  const buttons = [
    { key: 'bold', label: t('editor.toolbar.bold'), run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('editor.toolbar.italic'), run: () => editor.chain().focus().toggleItalic().run() },
    {
      key: 'heading2',
      label: t('editor.toolbar.heading2'),
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'bulletList',
      label: t('editor.toolbar.bulletList'),
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
  ] as const;

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`toolbar__button toolbar__button--${button.key}`}
          aria-pressed={active[button.key]}
          disabled={disabled}
          data-testid={`toolbar-${button.key}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}
