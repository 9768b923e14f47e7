import { VERSION } from './version.js';

/** Shared by every copy of acs-elements on a page, whatever its version: the first copy's version, and whether a clash was reported. */
interface PageRegistry {
  version: string;
  warned: boolean;
}

const REGISTRY_KEY = Symbol.for('acs-elements');

/**
 * Registers a custom element once. A second registration (the script included twice under two
 * URLs, or two versions bundled by different parts of a site) must not throw: the first one
 * stays, and the duplicate is reported once per page so it can be fixed.
 * Does nothing outside a browser, so importing an entry in Node (SSR, tests) is safe.
 */
export function define(tagName: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const page = globalThis as typeof globalThis & { [REGISTRY_KEY]?: PageRegistry };
  const registry = (page[REGISTRY_KEY] ??= { version: VERSION, warned: false });
  const registered = customElements.get(tagName);
  if (!registered) {
    customElements.define(tagName, constructor);
    return;
  }
  if (registry.warned) return;
  registry.warned = true;
  // One sentence for both cases (the script included twice, or two copies): the first registration stays.
  console.warn(`acs-elements ${VERSION}: <${tagName}> is already registered by acs-elements ${registry.version}. Load acs-elements once per page.`);
}
