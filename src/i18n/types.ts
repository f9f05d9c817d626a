// Shapes of catalogue entries: a plain string, or plural forms chosen by Intl.PluralRules.
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}
export type Entry = string | Plural;
/** A catalogue area in another language must have exactly the keys of the English one. */
export type Translation<T> = { readonly [K in keyof T]: Entry };
