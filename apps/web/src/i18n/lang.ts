export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
