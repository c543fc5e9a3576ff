/**
 * Next's router hooks for component tests, without the Next runtime. As in the App Router, the
 * search params follow the browser's URL: they change on history.pushState/replaceState and on
 * Back/Forward (popstate), and the components reading them re-render. `useRouter().push` is
 * recorded in `routerPush` (a navigation to another page, which a component test cannot follow).
 *
 *   vi.mock('next/navigation', () => import('../../tests/helpers/next-navigation'));
 */
import { useMemo, useSyncExternalStore } from 'react';
import { vi } from 'vitest';

const LOCATION_CHANGE = 'test:location-change';
let patched = false;

/** The App Router patches these two to learn of URL changes; so does this stand-in. */
function patchHistory(): void {
  if (patched) return;
  patched = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = window.history[method].bind(window.history);
    window.history[method] = (...args: Parameters<History['pushState']>) => {
      original(...args);
      window.dispatchEvent(new Event(LOCATION_CHANGE));
    };
  }
}

function subscribe(onChange: () => void): () => void {
  patchHistory();
  window.addEventListener('popstate', onChange);
  window.addEventListener(LOCATION_CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(LOCATION_CHANGE, onChange);
  };
}

export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return useMemo(() => new URLSearchParams(search), [search]);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export const routerPush = vi.fn<(href: string) => void>();

const router = {
  push: routerPush,
  replace: vi.fn<(href: string) => void>(),
  refresh: vi.fn<() => void>(),
  prefetch: vi.fn<(href: string) => void>(),
  back: () => window.history.back(),
  forward: () => window.history.forward(),
};

export function useRouter(): typeof router {
  return router;
}
