/**
 * A program's URL name, as created and as looked up by pages, forms, the API and imports:
 * lower-case letters, digits and hyphens, 2-64 characters, not starting with a hyphen.
 */
export const PROGRAM_SLUG_RE = /^[a-z0-9][a-z0-9-]{1,63}$/;
