import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/session';
import { isCityCode } from '@/lib/cities/queries';
import { loadCityDetail } from '@/lib/cities/request-cache';

/**
 * Decides "no such city" above the page's loading boundary: once the skeleton has streamed, a
 * 404 could only be shown, no longer sent as the status (cities/not-found.tsx renders it).
 */
export default async function CityLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  await requireViewer();
  const { code } = await params;
  if (!isCityCode(code) || !(await loadCityDetail(code))) notFound();
  return children;
}
