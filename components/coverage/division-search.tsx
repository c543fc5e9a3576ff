'use client';

import { AutoComplete, Input } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { coverageKeys } from '@/lib/coverage/query-keys';

export interface DivisionHit {
  kind: 'province' | 'city';
  code: string;
  name: string;
  nameEn: string;
  provinceCode: string;
}

/** Finds a province or city by Chinese name, pinyin or code (server-side search). */
export function DivisionSearch({ onSelect }: { onSelect: (hit: DivisionHit) => void }) {
  const t = useTranslations('dashboard.search');
  const locale = useLocale();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
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

  const hits = data?.items ?? [];
  return (
    <AutoComplete
      style={{ width: 240 }}
      value={text}
      onChange={setText}
      options={hits.map((h) => ({
        value: `${h.kind}:${h.code}`,
        label: (
          <span data-testid={`search-hit-${h.code}`}>
            {locale === 'en' ? h.nameEn : h.name} <span className="muted">{h.code}</span>
          </span>
        ),
      }))}
      onSelect={(value: string) => {
        const hit = hits.find((h) => `${h.kind}:${h.code}` === value);
        if (hit) onSelect(hit);
        setText('');
      }}
      notFoundContent={debounced && !isFetching ? (isError ? t('error') : t('none')) : null}
    >
      <Input.Search aria-label={t('label')} placeholder={t('placeholder')} loading={isFetching} data-testid="division-search" />
    </AutoComplete>
  );
}
