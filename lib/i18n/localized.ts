/**
 * The one pick between a record's two stored languages (`nameZh`/`nameEn`, `titleZh`/`titleEn`,
 * ...): English for the `en` locale, Chinese for every other, so an unknown locale reads the
 * default language. Browser-safe.
 */
export function localized<T>(locale: string, zh: T, en: T): T {
  return locale === 'en' ? en : zh;
}
