import type { Browser } from 'playwright-core';

export declare const CHROMIUM_ARGS: readonly string[];
export declare function chromiumPath(): string;
export declare function launchChromium(): Promise<{ browser: Browser; port: number }>;
export declare function signInCookie(browser: Browser, account: { base: string; email: string; password: string }): Promise<string>;
export declare function runLighthouse(run: {
  url: string;
  port: number;
  category: 'accessibility' | 'performance';
  desktop?: boolean;
  cookie?: string;
}): Promise<{ lhr: import('lighthouse').Result; isSentToSignIn: boolean }>;
