import { expect, type Locator } from '@playwright/test';

/**
 * Scrolls to a chart that loads as it comes into view (components/charts/when-visible.tsx). Its
 * placeholder is replaced by the chart while the page scrolls, which detaches the element being
 * scrolled to; the next try finds the chart.
 */
export async function scrollChartIntoView(chart: Locator): Promise<void> {
  await expect(async () => {
    await chart.scrollIntoViewIfNeeded({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
