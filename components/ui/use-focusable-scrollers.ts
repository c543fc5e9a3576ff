'use client';

import { useEffect, type RefObject } from 'react';

/** Table frames that globals.css lets scroll sideways on narrow screens. */
const SCROLLER_SELECTOR = '.ant-table-content';

function markScrollers(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLER_SELECTOR)) {
    const scrolls = el.scrollWidth > el.clientWidth;
    if (scrolls && !el.hasAttribute('tabindex')) el.tabIndex = 0;
    else if (!scrolls && el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
  }
}

/**
 * Wide tables scroll inside their frame on a phone; a frame without links or buttons could then
 * only be scrolled by touch or mouse (WCAG 2.1.1). This makes every frame that actually scrolls a
 * tab stop, so arrow keys scroll it, and re-checks as tables render or the window is resized.
 */
export function useFocusableScrollers(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => markScrollers(el));
    };
    schedule();
    const mutations = new MutationObserver(schedule);
    mutations.observe(el, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, [root]);
}
