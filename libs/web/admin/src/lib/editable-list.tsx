import { useState, type ReactNode } from 'react';
import { useMessages } from '@roundtable/web-i18n';
import { structureMessages } from './structure.messages';
import styles from './structure.module.css';

/** Which editor is open: a new item, an existing one by id, or none. */
type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

/**
 * A section of items, each with an Edit button, and a New button; one inline editor is open at a time. Saving
 * closes the editor and says so; cancelling just closes it.
 */
export function EditableList<T extends { id: string }>({
  section,
  title,
  newLabel,
  savedLabel,
  items,
  itemAttributes,
  summary,
  editor,
}: {
  /** `structure-<section>` names the section; `<section>-new` and `<section>-edit-<name>` its buttons. */
  section: 'groups' | 'partners';
  title: string;
  newLabel: string;
  savedLabel: string;
  items: T[];
  /** The item's test id and the name its Edit button's test id ends with. */
  itemAttributes: (item: T) => { testId: string; name: string; data: Record<`data-${string}`, string> };
  summary: (item: T) => ReactNode;
  editor: (item: T | null, onSaved: () => void, onCancel: () => void) => ReactNode;
}) {
  const { t } = useMessages(structureMessages);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const open = (next: Editing) => {
    setSaved(false);
    setEditing(next);
  };
  const onSaved = () => {
    setEditing(null);
    setSaved(true);
  };
  const onCancel = () => setEditing(null);
  const buttonPrefix = section === 'groups' ? 'group' : 'partner';
  return (
    <section className="section" aria-labelledby={`structure-${section}`} data-testid={`structure-${section}`}>
      <div className="page__header page__header--split">
        <h2 id={`structure-${section}`}>{title}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => open({ kind: 'new' })}
          data-testid={`${buttonPrefix}-new`}
        >
          {newLabel}
        </button>
      </div>
      {saved ? (
        <p className="alert alert--success" role="status">
          {savedLabel}
        </p>
      ) : null}
      {editing?.kind === 'new' ? editor(null, onSaved, onCancel) : null}
      <ul className={styles.list}>
        {items.map((item) => {
          const { testId, name, data } = itemAttributes(item);
          return (
            <li key={item.id} data-testid={testId} {...data}>
              <div className={styles.row}>
                <span>{summary(item)}</span>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => open({ kind: 'edit', id: item.id })}
                  data-testid={`${buttonPrefix}-edit-${name}`}
                >
                  {t('structure.edit')}
                </button>
              </div>
              {editing?.kind === 'edit' && editing.id === item.id ? editor(item, onSaved, onCancel) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
