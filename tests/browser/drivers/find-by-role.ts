/**
 * Finding elements by role and accessible name inside a page, for the puppeteer driver (Playwright
 * has getByRole built in). A deliberately small subset of the accessible-name rules, enough for
 * this extension's markup: aria-label, aria-labelledby, <label for>/wrapping label, then text.
 * Serialized into the page, so it must stay self-contained (no imports, no closures).
 */
export interface RoleQuery {
  role: string;
  name?: { source: string; flags: string } | { exact: string };
  within?: { role: string; name: { source: string; flags: string } | { exact: string } };
}

export function queryByRole(query: RoleQuery): Element[] {
  const selectors: Record<string, string> = {
    button: 'button, [role=button], input[type=button], input[type=submit]',
    link: 'a[href], [role=link]',
    tab: '[role=tab]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    searchbox: 'input[type=search], [role=searchbox]',
    textbox: 'textarea, input:not([type]), input[type=text], input[type=email], [role=textbox], [contenteditable=true]',
    listitem: 'li, [role=listitem]',
    list: 'ul, ol, [role=list]',
    region: 'section[aria-label], section[aria-labelledby], [role=region]',
    status: '[role=status], output',
    alert: '[role=alert]',
  };
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return clean(label);
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy)
      return clean(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
      return clean(labels || el.getAttribute('placeholder') || el.getAttribute('title'));
    }
    return clean(el.textContent);
  };
  const matches = (el: Element, name: RoleQuery['name']): boolean => {
    if (!name) return true;
    const actual = nameOf(el);
    return 'exact' in name ? actual === name.exact : new RegExp(name.source, name.flags).test(actual);
  };
  const visible = (el: Element) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true], [hidden]');
  let roots: ParentNode[] = [document];
  if (query.within) {
    const within = query.within;
    roots = [...document.querySelectorAll(selectors[within.role]!)].filter(
      (el) => visible(el) && matches(el, within.name),
    );
  }
  const found = roots.flatMap((root) => [...root.querySelectorAll(selectors[query.role]!)]);
  return [...new Set(found)].filter((el) => visible(el) && matches(el, query.name));
}

export function nameQuery(name: string | RegExp): { source: string; flags: string } | { exact: string } {
  return typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags };
}

/** Visible text contains `wanted`, ignoring case and runs of white space. */
export function textMatches(text: string, wanted: string | RegExp): boolean {
  const clean = text.replace(/\s+/g, ' ');
  if (typeof wanted !== 'string')
    return new RegExp(wanted.source, wanted.flags.includes('i') ? wanted.flags : `${wanted.flags}i`).test(clean);
  return clean.toLowerCase().includes(wanted.replace(/\s+/g, ' ').toLowerCase());
}
