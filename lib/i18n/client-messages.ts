import type { AppMessages } from './messages';

export type MessageNamespace = keyof AppMessages;

/** The message groups of a catalogue, by their dotted path: `'dashboard'`, `'dashboard.map'`. */
type GroupPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${Prefix}${K}` | GroupPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessagePath = GroupPaths<AppMessages>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? T[K] : DeepPartial<T[K]> };

/** Part of the catalogue, as a NextIntlClientProvider takes it. */
export type PartialMessages = DeepPartial<AppMessages>;

/**
 * What a signed-out visitor's client components use: the sign-in form (auth), the language switch
 * (locale) and the error pages (errors). The root layout sends these on every page.
 */
export const PUBLIC_MESSAGES = ['auth', 'errors', 'locale'] as const satisfies readonly MessagePath[];

/**
 * What the signed-in frame's client components use (app/(dashboard)/layout.tsx): the header, the
 * phone's menu, the alert bell and the user menu. The root layout adds these once signed in; each
 * page sends what its own client components use (components/i18n/client-messages.tsx).
 */
export const FRAME_MESSAGES = ['app', 'nav', 'alerts.bell', 'auth.userMenu', 'users.roles'] as const satisfies readonly MessagePath[];

/** What the last-resort error page (app/global-error.tsx) loads: its title and the error's text. */
export const ERROR_PAGE_MESSAGES = ['app', 'errors'] as const satisfies readonly MessagePath[];

/**
 * The given groups of a catalogue and nothing else, for a NextIntlClientProvider: every message
 * sent to the browser is part of the page's payload.
 */
export function pickMessages<N extends MessageNamespace>(messages: AppMessages, paths: readonly N[]): Pick<AppMessages, N>;
export function pickMessages(messages: AppMessages, paths: readonly MessagePath[]): PartialMessages;
export function pickMessages(messages: AppMessages, paths: readonly MessagePath[]): PartialMessages {
  const picked: Record<string, unknown> = {};
  // A group inside another listed group comes with it (and the catalogue is never written into).
  const outermost = paths.filter((path) => !paths.some((other) => path.startsWith(`${other}.`)));
  for (const dotted of outermost) {
    const keys = dotted.split('.');
    let from: unknown = messages;
    let to = picked;
    keys.forEach((key, i) => {
      from = (from as Record<string, unknown>)[key];
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Record<string, unknown>;
    });
  }
  return picked as PartialMessages;
}
