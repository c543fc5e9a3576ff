import type { AppMessages } from './messages';

export type MessageNamespace = keyof AppMessages;

/**
 * What a signed-out visitor's client components use: the sign-in form (auth), the language switch
 * (locale) and the error pages (errors). The root layout sends only these to a visitor without a
 * session, so the sign-in page does not carry the whole catalogue.
 */
export const PUBLIC_NAMESPACES = ['auth', 'errors', 'locale'] as const satisfies readonly MessageNamespace[];

export type PublicMessages = Pick<AppMessages, (typeof PUBLIC_NAMESPACES)[number]>;

/** The given namespaces of a catalogue, for a NextIntlClientProvider. */
export function pickMessages<N extends MessageNamespace>(
  messages: AppMessages,
  namespaces: readonly N[],
): Pick<AppMessages, N> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]])) as Pick<AppMessages, N>;
}
