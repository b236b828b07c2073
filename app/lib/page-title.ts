// The pages' titles: every page names itself, then the portal ("Sign In — Two-Step").
export const TITLE_TEMPLATE = '%s — Two-Step';

/** The whole title of a page named `name`, as the layout's template writes it. */
export function pageTitle(name: string): string {
  return TITLE_TEMPLATE.replace('%s', name);
}
