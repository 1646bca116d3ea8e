import type { JSONContent } from '@tiptap/core';

/**
 * Serialises editor JSON (the shared schema) to CommonMark. Pure and DOM-free: the server uses it to
 * export documents and versions.
 */
export function toMarkdown(doc: JSONContent): string {
  return blocks(doc.content ?? [], '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function blocks(nodes: JSONContent[], indent: string): string {
  return nodes.map((node) => block(node, indent)).join('');
}

function block(node: JSONContent, indent: string): string {
  switch (node.type) {
    case 'heading':
      return `${indent}${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inline(node.content)}\n\n`;
    case 'paragraph':
      return `${indent}${inline(node.content)}\n\n`;
    case 'blockquote':
      return blocks(node.content ?? [], '')
        .trimEnd()
        .split('\n')
        .map((line) => `${indent}> ${line}`.trimEnd())
        .join('\n') + '\n\n';
    case 'codeBlock': {
      const text = (node.content ?? []).map((t) => t.text ?? '').join('');
      const fence = text.includes('```') ? '~~~' : '```';
      return `${indent}${fence}${node.attrs?.language ?? ''}\n${text.split('\n').map((l) => indent + l).join('\n')}\n${indent}${fence}\n\n`;
    }
    case 'horizontalRule':
      return `${indent}---\n\n`;
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      const items = (node.content ?? []).map((item, index) => {
        const marker = node.type === 'bulletList' ? '- ' : `${start + index}. `;
        // Tight lists: no blank lines inside an item.
        const inner = blocks(item.content ?? [], '').trimEnd().split('\n').filter((line) => line !== '');
        const pad = ' '.repeat(marker.length);
        return inner.map((line, i) => (i === 0 ? `${indent}${marker}${line}` : line ? `${indent}${pad}${line}` : '')).join('\n');
      });
      return items.join('\n') + '\n\n';
    }
    default:
      return node.content ? blocks(node.content, indent) : '';
  }
}

const ESCAPE = /([\\`*_[\]#<>!|])/g;

function inline(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      if (node.type !== 'text') return inline(node.content);
      const marks = node.marks ?? [];
      const has = (type: string) => marks.some((m) => m.type === type);
      let text = has('code') ? `\`${node.text ?? ''}\`` : (node.text ?? '').replace(ESCAPE, '\\$1');
      if (has('bold')) text = `**${text}**`;
      if (has('italic')) text = `*${text}*`;
      if (has('strike')) text = `~~${text}~~`;
      const link = marks.find((m) => m.type === 'link');
      if (link?.attrs?.href) text = `[${text}](${String(link.attrs.href).replace(/[()\s]/g, encodeURIComponent)})`;
      return text;
    })
    .join('');
}
