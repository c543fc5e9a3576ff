'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import styles from './program-picker.module.css';
import { localized } from '@/lib/i18n/localized';

export interface ProgramOption {
  slug: string;
  nameZh: string;
  nameEn: string;
  isIllustrative: boolean;
}

/** A native select: a handful of programs needs no search, and antd's Select costs ~40 kB of JS. */
export function ProgramPicker({ programs, value }: { programs: ProgramOption[]; value: string }) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  return (
    <select
      aria-label={t('programPicker')}
      data-testid="program-picker"
      className={styles.select}
      value={value}
      aria-busy={isPending}
      onChange={(e) => {
        const params = new URLSearchParams(searchParams.toString());
        params.set('program', e.target.value);
        startTransition(() => router.push(`${pathname}?${params.toString()}`));
      }}
    >
      {programs.map((p) => (
        <option key={p.slug} value={p.slug}>
          {localized(locale, p.nameZh, p.nameEn)}
          {p.isIllustrative ? ` (${t('illustrative')})` : ''}
        </option>
      ))}
    </select>
  );
}
