import { Recommendation } from '@roundtable/editor-schema';
import { NodeViewContent, NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { useMessages } from '@roundtable/web-i18n';
import { ADDRESSEES, HORIZONS, recommendationsMessages } from '@roundtable/web-recommendations';
import styles from './recommendation.module.css';

const PRIORITIES = ['high', 'medium', 'low'] as const;
const FRAMEWORKS = ['icpermed-p1', 'icpermed-p2', 'icpermed-p3', 'icpermed-p4', 'icpermed-p5'] as const;

/**
 * A recommendation block as co-authors edit it: its title and attributes in a bar above the body (attribute
 * changes are Yjs updates like any edit, so every co-author sees them live), the body as ordinary paragraphs,
 * and buttons that move the block past its neighbour.
 */
function RecommendationView({ node, updateAttributes, editor, getPos }: NodeViewProps) {
  const { t } = useMessages(recommendationsMessages);
  const editable = editor.isEditable;
  const frameworks = String(node.attrs.frameworks ?? '')
    .split(',')
    .filter(Boolean);
  const move = (direction: -1 | 1) => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    const $pos = editor.state.doc.resolve(pos);
    const index = $pos.index();
    const parent = $pos.parent;
    const neighbour = parent.maybeChild(index + direction);
    if (!neighbour) return;
    // Deleted, then inserted past the neighbour, in one transaction (one Yjs update for co-authors).
    const tr = editor.state.tr.delete(pos, pos + node.nodeSize);
    tr.insert(direction === -1 ? pos - neighbour.nodeSize : pos + neighbour.nodeSize, node);
    editor.view.dispatch(tr.scrollIntoView());
  };
  const select = (name: 'addressee' | 'horizon' | 'priority', values: readonly string[], label: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <select
        value={String(node.attrs[name])}
        disabled={!editable}
        onChange={(event) => updateAttributes({ [name]: event.target.value })}
        data-testid={`recommendation-${name}`}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {name === 'addressee'
              ? t(`recommendations.addressee.${value as (typeof ADDRESSEES)[number]}`)
              : name === 'horizon'
                ? t(`recommendations.horizon.${value as (typeof HORIZONS)[number]}`)
                : t(`recommendations.priority.${value as (typeof PRIORITIES)[number]}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <NodeViewWrapper
      as="section"
      className={styles.block}
      data-testid="recommendation-block"
      aria-label={t('recommendations.block.label')}
    >
      <div className={styles.bar} contentEditable={false} data-editor-chrome>
        <input
          className={styles.title}
          value={String(node.attrs.title ?? '')}
          placeholder={t('recommendations.block.titlePlaceholder')}
          aria-label={t('recommendations.block.titlePlaceholder')}
          readOnly={!editable}
          onChange={(event) => updateAttributes({ title: event.target.value })}
          data-testid="recommendation-title"
        />
        {select('addressee', ADDRESSEES, t('recommendations.addresseeLabel'))}
        {select('horizon', HORIZONS, t('recommendations.horizonLabel'))}
        {select('priority', PRIORITIES, t('recommendations.priorityLabel'))}
        <fieldset className={styles.frameworks}>
          <legend>{t('recommendations.frameworks')}</legend>
          {FRAMEWORKS.map((code) => (
            <label key={code} title={t(`recommendations.framework.${code}`)}>
              <input
                type="checkbox"
                checked={frameworks.includes(code)}
                disabled={!editable}
                onChange={(event) =>
                  updateAttributes({
                    frameworks: (event.target.checked
                      ? [...frameworks, code]
                      : frameworks.filter((other) => other !== code)
                    ).join(','),
                  })
                }
              />
              {code.replace('icpermed-', '')}
            </label>
          ))}
        </fieldset>
        {editable ? (
          <span className={styles.moves}>
            <button type="button" onClick={() => move(-1)} data-testid="recommendation-move-up">
              {t('recommendations.block.moveUp')}
            </button>
            <button type="button" onClick={() => move(1)} data-testid="recommendation-move-down">
              {t('recommendations.block.moveDown')}
            </button>
          </span>
        ) : null}
      </div>
      <NodeViewContent className={styles.body} data-testid="recommendation-body" />
    </NodeViewWrapper>
  );
}

/** The shared schema's recommendation node with the editing view above (same name, same schema). */
export const RecommendationEditing = Recommendation.extend({
  addNodeView() {
    return ReactNodeViewRenderer(RecommendationView);
  },
});
