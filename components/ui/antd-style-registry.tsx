'use client';

import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { useServerInsertedHTML } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import staticKeys from './antd-static-keys.json';

/**
 * cssinjs's record of which style entries a page already has: read on the client from the computed
 * `content` of this class. app/antd.css carries the record for its own entries; an inline copy
 * would hide it (the later rule wins), and the browser would then add every entry again.
 */
const CACHE_PATH_RULE = /\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}/g;

/**
 * On the server, one store of computed tokens and styles for every request. Each request used to
 * start from an empty cache and derive the theme's tokens and every component's styles again:
 * about a fifth of the dashboard's render time. What is cached depends only on the theme and the
 * component, never on the request or the viewer, and its size is bounded by the components and
 * themes the app has. Each request still has its own record of what it has written out.
 */
const serverStore = typeof window === 'undefined' ? createCache() : null;

function createStaticAwareCache() {
  const cache = createCache();
  if (serverStore) {
    cache.cache = serverStore.cache;
    cache.updateTimes = serverStore.updateTimes;
  }
  // Marked as already extracted, so the server leaves them out of the page: app/antd.css has them.
  for (const key of staticKeys) cache.extracted.add(key);
  return cache;
}

/**
 * Ant Design's styles for server rendering: the ones in the static stylesheet (app/antd.css,
 * scripts/antd-css.ts) come from there; only the entries it lacks (a component missing from
 * antd-components.ts, a theme override) are inlined, with the page's CSP nonce.
 */
export function AntdStyleRegistry({ nonce, children }: { nonce?: string; children: ReactNode }) {
  const [cache] = useState(createStaticAwareCache);
  useServerInsertedHTML(() => {
    const css = extractStyle(cache, { plain: true, once: true }).replace(CACHE_PATH_RULE, '');
    if (!css) return null;
    return (
      <style
        id="antd-cssinjs"
        nonce={nonce}
        // Before the rules antd adds in the browser (the order antd's own Next.js registry uses).
        data-rc-order="prepend"
        data-rc-priority="-1000"
        dangerouslySetInnerHTML={{ __html: css }}
      />
    );
  });
  return <StyleProvider cache={cache}>{children}</StyleProvider>;
}
