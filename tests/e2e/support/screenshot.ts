/**
 * The README's pictures, taken by the tests that reach those views (tagged @screenshot). A test
 * run keeps them in its own output folder; `npm run screenshots` writes them to docs/screenshots.
 */
import path from 'node:path';
import { test } from '../../support/fixtures';
import { E2E_SCREENSHOT_DIR, ROOT } from '../../support/settings';

export const SCREENSHOT = { tag: '@screenshot' };

export function screenshotPath(name: string): string {
  return E2E_SCREENSHOT_DIR ? path.resolve(ROOT, E2E_SCREENSHOT_DIR, name) : test.info().outputPath(name);
}
