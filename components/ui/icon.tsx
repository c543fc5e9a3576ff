import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/lib/types';
import { createElement, type ReactNode } from 'react';

function draw(node: AbstractNode, key: string): ReactNode {
  return createElement(node.tag, { key, ...node.attrs }, node.children?.map((child, i) => draw(child, `${key}-${i}`)));
}

/**
 * One of Ant Design's icons as plain inline SVG, from their path data (@ant-design/icons-svg): the
 * same glyphs as in antd's components, without @ant-design/icons' runtime (its context, and the
 * style tag it inserts). Decorative: the text or the label beside it carries the meaning.
 */
export function Icon({ icon, className }: { icon: IconDefinition; className?: string }) {
  const root = typeof icon.icon === 'function' ? icon.icon('currentColor', 'currentColor') : icon.icon;
  return (
    <span className={['plain-icon', className].filter(Boolean).join(' ')} aria-hidden>
      <svg {...root.attrs} width="1em" height="1em" fill="currentColor" focusable="false">
        {root.children?.map((child, i) => draw(child, String(i)))}
      </svg>
    </span>
  );
}
