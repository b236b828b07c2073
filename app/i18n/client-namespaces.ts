// The catalogue's namespaces that components running in the browser read (useTranslations in a
// 'use client' file): only these travel with each page, not every page's sentences.
export const CLIENT_NAMESPACES = ['common'] as const;
