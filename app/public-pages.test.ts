/**
 * The signed-out pages (sign-in, not found, the error pages), the root layout every page shares,
 * the signed-in frame, the weekly summary and the dashboard are plain markup: nothing they import,
 * however deep, reaches Ant Design or its icon components. Those come from
 * app/(dashboard)/(antd)/layout.tsx, for the pages that use them
 * (docs/decisions/045-plain-public-pages.md); one import here would put them back into the pages
 * phones load first. The dashboard alone fetches in the browser (the query client) and draws
 * charts there, loaded on demand; the others load neither.
 */
import { describe, expect, it } from 'vitest';
import { walkImports } from '@/tests/helpers/import-graph';

const ENTRIES = [
  'app/layout.tsx',
  'app/sign-in/page.tsx',
  'app/not-found.tsx',
  'app/error.tsx',
  'app/global-error.tsx',
  // The signed-in frame, and the weekly summary an executive reads on a phone.
  'app/(dashboard)/layout.tsx',
  'app/(dashboard)/summary/page.tsx',
  'app/(dashboard)/summary/[week]/page.tsx',
  'app/(dashboard)/summary/archive/page.tsx',
];
/** The dashboard: plain markup too, but it fetches in the browser and draws charts there. */
const DASHBOARD = 'app/(dashboard)/page.tsx';
/**
 * Ant Design's components, providers and icon components: a Server Component importing them ships
 * them to the browser too. Its icons' path data (@ant-design/icons-svg) is plain data, drawn by
 * components/ui/icon.tsx.
 */
const ANTD = /^(antd|@ant-design\/(?!icons-svg\/))/;
const QUERY_CLIENT = /^@tanstack\/react-query(\/|$)/;
/** Code that is heavy in the browser only: the server draws the summary's chart images with it. */
const CHARTS = /^(echarts|echarts-for-react)(\/|$)/;

interface Reached {
  /** The files from the entry to the package, then the package. */
  chain: string;
  specifier: string;
  /** Imported by browser code ('use client' or below it). */
  inBrowser: boolean;
  /** Only behind an `import()` somewhere on the way: not part of the page's first load. */
  lazy: boolean;
}

/** Every package of concern reachable from `entry`, with the chain of files that leads to it. */
function reachable(entry: string): Reached[] {
  const reached: Reached[] = [];
  walkImports(entry, () => {}, ({ chain, inBrowser, lazy }, specifier) => {
    if (ANTD.test(specifier) || QUERY_CLIENT.test(specifier) || CHARTS.test(specifier)) {
      reached.push({ chain: `${chain.join(' -> ')} -> ${specifier}`, specifier, inBrowser, lazy });
    }
  });
  return reached;
}

const chains = (found: Reached[]) => found.map((r) => r.chain);

describe('the signed-out pages, the signed-in frame, the weekly summary and the dashboard are plain markup', () => {
  it.each(ENTRIES)('%s reaches no Ant Design, query client or chart code', (entry) => {
    expect(chains(reachable(entry).filter((r) => ANTD.test(r.specifier) || QUERY_CLIENT.test(r.specifier) || (r.inBrowser && CHARTS.test(r.specifier))))).toEqual([]);
  });

  it('the dashboard reaches no Ant Design, and its charts only on demand', () => {
    const found = reachable(DASHBOARD);
    expect(chains(found.filter((r) => ANTD.test(r.specifier)))).toEqual([]);
    expect(chains(found.filter((r) => r.inBrowser && CHARTS.test(r.specifier) && !r.lazy))).toEqual([]);
    // It does fetch in the browser and draw charts there: the walk reaches both.
    expect(found.some((r) => QUERY_CLIENT.test(r.specifier))).toBe(true);
    expect(found.some((r) => r.inBrowser && r.lazy && /^echarts(\/|$)/.test(r.specifier))).toBe(true);
  });

  it('the Ant Design layout and pages are where they come from (the check walks far enough to find them)', () => {
    const found = chains(reachable('app/(dashboard)/(antd)/layout.tsx'));
    expect(found.some((chain) => chain.endsWith('-> antd'))).toBe(true);
    expect(found.some((chain) => chain.endsWith('-> @tanstack/react-query'))).toBe(true);
    // A static import counts as loaded with the page: the server's chart drawing imports ECharts so.
    expect(reachable('lib/charts/ssr.ts').some((r) => !r.lazy && /^echarts(\/|$)/.test(r.specifier))).toBe(true);
  });
});
