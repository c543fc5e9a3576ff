import type { Page } from '@playwright/test';

/** The number live, as the dashboard's KPI shows it ("… 12 / 20"). */
export async function liveCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('kpi-live').textContent()) ?? '';
  const match = /(\d+)\s*\/\s*\d+/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`no live count in "${text}"`);
  return Number(match[1]);
}
