'use client';

import { Segmented } from 'antd';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import type { InstitutionType } from '@/lib/generated/sqlite/client';

const ALL = 'ALL';

export interface TypeFilterProps {
  value: InstitutionType | null;
  total: number;
  counts: Array<{ type: InstitutionType; count: number }>;
}

/** The institution type filter; its value lives in the URL (`?type=JOINT_STOCK_BANK`) so views can be shared. */
export function TypeFilter({ value, total, counts }: TypeFilterProps) {
  const t = useTranslations('institutions');
  const tType = useTranslations('institutionType');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const options = [
    { value: ALL, label: t('typeOption', { label: t('all'), count: total }) },
    ...counts
      .filter((c) => c.count > 0 || c.type === value)
      .map((c) => ({ value: c.type, label: t('typeOption', { label: tType(c.type), count: c.count }) })),
  ];

  return (
    <div style={{ maxWidth: '100%', overflowX: 'auto' }} aria-busy={isPending}>
      <Segmented
        aria-label={t('typeFilter')}
        data-testid="type-filter"
        value={value ?? ALL}
        options={options}
        onChange={(next) => {
          const params = new URLSearchParams(searchParams.toString());
          if (next === ALL) params.delete('type');
          else params.set('type', String(next));
          const query = params.toString();
          startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
        }}
      />
    </div>
  );
}
