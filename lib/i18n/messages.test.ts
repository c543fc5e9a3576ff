import { createTranslator, IntlErrorCode, type IntlError } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { TIME_ZONE, locales } from './config';

type Tree = { [key: string]: string | Tree };

/** Leaf paths with their values, e.g. ['errors.retry', '重试']. */
function leaves(tree: Tree, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? leaves(value, path) : [[path, value]];
  });
}

const catalogues = { 'zh-CN': zhCN as Tree, en: en as Tree } as const;

describe('message catalogues', () => {
  it('exist for every supported locale', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...locales].sort());
  });

  it('have exactly the same keys, recursively', () => {
    const zhKeys = leaves(catalogues['zh-CN']).map(([path]) => path).sort();
    const enKeys = leaves(catalogues.en).map(([path]) => path).sort();
    expect(enKeys).toEqual(zhKeys);
  });

  it.each(locales)('%s has no empty or non-string values', (locale) => {
    const bad = leaves(catalogues[locale]).filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(bad).toEqual([]);
  });

  it.each(locales)('%s has no dots in keys (next-intl uses them as separators)', (locale) => {
    const dotted: string[] = [];
    const visit = (tree: Tree) => {
      for (const [key, value] of Object.entries(tree)) {
        if (key.includes('.') || key === '') dotted.push(key);
        if (value !== null && typeof value === 'object') visit(value);
      }
    };
    visit(catalogues[locale]);
    expect(dotted).toEqual([]);
  });

  it.each(locales)('%s contains only valid ICU messages', (locale) => {
    const invalid: string[] = [];
    const t = createTranslator({
      locale,
      messages: catalogues[locale],
      timeZone: TIME_ZONE,
      onError: (error: IntlError) => {
        // Missing arguments are expected here: only syntax errors matter.
        if (error.code === IntlErrorCode.INVALID_MESSAGE) invalid.push(error.message);
      },
    });
    for (const [path] of leaves(catalogues[locale])) {
      (t as unknown as (key: string) => string)(path);
    }
    expect(invalid).toEqual([]);
  });

  it('formats the shared coverage percentage with one decimal', () => {
    const t = createTranslator({ locale: 'zh-CN', messages: zhCN, timeZone: TIME_ZONE });
    expect(t('common.percent', { value: 0.4237 })).toBe('42.4%');
  });
});
