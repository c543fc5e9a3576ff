import type { Page } from '@playwright/test';

/**
 * Collects every CSP violation, uncaught page error and message a page's client components could
 * not find (next-intl reports MISSING_MESSAGE on the console: the page did not send that group,
 * components/i18n/with-client-messages.tsx); a test expects the list to stay empty.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to|MISSING_MESSAGE/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}
