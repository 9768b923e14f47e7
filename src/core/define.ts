/**
 * Registers a custom element once: a second script tag or a second bundle copy must not throw.
 * Does nothing outside a browser, so importing an entry in Node (SSR, tests) is safe.
 */
export function define(tagName: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  customElements.define(tagName, constructor);
}
