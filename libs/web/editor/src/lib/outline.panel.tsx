import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countWords, numberHeadings, type OutlineEntry } from '@roundtable/editor-schema';
import { useMessages } from '@roundtable/web-i18n';
import { writingMessages } from './writing.messages';
import styles from './writing.module.css';

export interface OutlineSection {
  /** Null for the text before the first heading. */
  heading: (OutlineEntry & { pos: number }) | null;
  words: number;
}

/** The document's outline with words per section (to the next heading of any level), by the shared rule. */
export function outlineSections(doc: ProseMirrorNode): OutlineSection[] {
  const headings: Array<{ level: number; text: string; pos: number }> = [];
  const blocks: Array<{ heading: boolean; text: string }> = [];
  doc.forEach((node, pos) => {
    const heading = node.type.name === 'heading';
    if (heading) headings.push({ level: Number(node.attrs['level']), text: node.textContent, pos });
    // Blocks separated by newlines, so words in neighbouring cells or list items do not merge.
    blocks.push({ heading, text: heading ? '' : node.textBetween(0, node.content.size, '\n', '\n') });
  });
  const first = doc.firstChild;
  const numbered = numberHeadings(headings, first?.type.name === 'heading' && Number(first.attrs['level']) === 1);
  const sections: OutlineSection[] = [{ heading: null, words: 0 }];
  let next = 0;
  for (const block of blocks) {
    if (block.heading) {
      sections.push({ heading: { ...numbered[next], pos: headings[next].pos }, words: 0 });
      next += 1;
    } else sections[sections.length - 1].words += countWords(block.text);
  }
  return sections[0].words === 0 ? sections.slice(1) : sections;
}

/** Table of contents with live numbers and word counts; a click moves the cursor to the section. */
export function OutlinePanel({ editor }: { editor: Editor }) {
  const { t } = useMessages(writingMessages);
  const [sections, setSections] = useState(() => outlineSections(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Recounting a long paper on every keystroke is wasted work: once typing pauses is soon enough.
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setSections(outlineSections(editor.state.doc)), 250);
    };
    setSections(outlineSections(editor.state.doc));
    editor.on('update', update);
    return () => {
      clearTimeout(timer);
      editor.off('update', update);
    };
  }, [editor]);
  const total = sections.reduce((sum, section) => sum + section.words, 0);
  const headed = sections.filter((section) => section.heading !== null);
  return (
    <nav className={styles.outline} aria-labelledby="outline-title" data-testid="outline">
      <h2 id="outline-title" className="section-title">
        {t('writing.outline.title')}
      </h2>
      {headed.length === 0 ? <p className="muted">{t('writing.outline.empty')}</p> : null}
      <ol>
        {sections.map((section, i) => (
          <li
            key={section.heading ? `h${section.heading.index}` : 'before'}
            className={`${styles.entry} ${section.heading ? (styles[`level${section.heading.sectionLevel}`] ?? '') : ''}`}
            data-testid="outline-entry"
            data-number={section.heading?.number ?? ''}
          >
            {section.heading ? (
              <button
                type="button"
                className={`link-button ${styles.entryLink}`}
                onClick={() => {
                  const pos = section.heading!.pos;
                  editor
                    .chain()
                    .focus()
                    .setTextSelection(pos + 1)
                    .scrollIntoView()
                    .run();
                }}
              >
                {section.heading.number ? `${section.heading.number} ` : ''}
                {section.heading.text || t('writing.outline.untitled')}
              </button>
            ) : (
              <span className="muted">{t('writing.outline.beforeFirst')}</span>
            )}
            <span className={styles.count} data-testid={`outline-words-${i}`}>
              {t('writing.outline.words', { count: section.words })}
            </span>
          </li>
        ))}
      </ol>
      <p className="muted" data-testid="outline-total">
        {t('writing.outline.total', { count: total })}
      </p>
    </nav>
  );
}
