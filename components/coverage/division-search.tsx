'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { coverageKeys } from '@/lib/coverage/query-keys';
import styles from './division-search.module.css';
import { localized } from '@/lib/i18n/localized';

export interface DivisionHit {
  kind: 'province' | 'city';
  code: string;
  name: string;
  nameEn: string;
  provinceCode: string;
}

/**
 * Finds a province or city by Chinese name, pinyin or code (server-side search). An ARIA 1.2
 * combobox (input + listbox, arrow keys, Enter, Escape) rather than antd's AutoComplete, which
 * brings the whole of rc-select and its virtual list to the dashboard.
 */
export function DivisionSearch({ onSelect }: { onSelect: (hit: DivisionHit) => void }) {
  const t = useTranslations('dashboard.search');
  const locale = useLocale();
  const listId = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const { data, isFetching, isError } = useQuery({
    queryKey: coverageKeys.search(debounced),
    enabled: debounced.length > 0,
    queryFn: async () => {
      const res = await fetch(`/api/search?${new URLSearchParams({ q: debounced }).toString()}`);
      if (!res.ok) throw new Error(`search failed: ${res.status}`);
      return (await res.json()) as { items: DivisionHit[] };
    },
    staleTime: 60_000,
  });

  const hits = debounced ? (data?.items ?? []) : [];
  const showList = open && debounced.length > 0;
  const choose = (hit: DivisionHit) => {
    onSelect(hit);
    setText('');
    setOpen(false);
    setActive(-1);
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className={styles.box} data-testid="division-search">
      <input
        type="search"
        role="combobox"
        className={styles.input}
        aria-label={t('label')}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-busy={isFetching}
        placeholder={t('placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        // Delay so a click on an option lands before the list disappears.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(hits.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            const hit = hits[active >= 0 ? active : 0];
            if (hit) {
              e.preventDefault();
              choose(hit);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {showList && (
        <ul id={listId} role="listbox" aria-label={t('label')} className={styles.list}>
          {hits.map((h, i) => (
            <li
              key={`${h.kind}:${h.code}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? `${styles.option} ${styles.active}` : styles.option}
              data-testid={`search-hit-${h.code}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(h)}
            >
              {localized(locale, h.name, h.nameEn)} <span className="muted">{h.code}</span>
            </li>
          ))}
          {hits.length === 0 && !isFetching && (
            <li className={styles.note} role="presentation">
              {isError ? t('error') : t('none')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
