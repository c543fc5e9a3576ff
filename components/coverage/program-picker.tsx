'use client';

import { Select, Tag } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';

export interface ProgramOption {
  slug: string;
  nameZh: string;
  nameEn: string;
  isIllustrative: boolean;
}

export function ProgramPicker({ programs, value }: { programs: ProgramOption[]; value: string }) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  return (
    <Select
      aria-label={t('programPicker')}
      data-testid="program-picker"
      value={value}
      loading={isPending}
      style={{ minWidth: 320, maxWidth: '100%' }}
      onChange={(slug: string) => {
        const params = new URLSearchParams(searchParams.toString());
        params.set('program', slug);
        startTransition(() => router.push(`${pathname}?${params.toString()}`));
      }}
      options={programs.map((p) => ({
        value: p.slug,
        label: (
          <span>
            {locale === 'en' ? p.nameEn : p.nameZh}
            {p.isIllustrative && (
              <Tag style={{ marginInlineStart: 8 }} color="default">
                {t('illustrative')}
              </Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}
