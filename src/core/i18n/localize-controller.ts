import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type ResolvedLocale, type StringCatalog } from './locale.js';
import { withOverrides, type AcsStringOverrides, type SharedStrings } from './strings.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: AcsStringOverrides | undefined };

const connectedHosts = new Set<LocalizedHost>();
let languageObserver: MutationObserver | undefined;

/** One observer for the whole page: a `lang` change on any ancestor re-renders every element. */
function watchPageLanguage(host: LocalizedHost): void {
  connectedHosts.add(host);
  if (languageObserver) return;
  languageObserver = new MutationObserver(() => connectedHosts.forEach((each) => each.requestUpdate()));
  languageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatchPageLanguage(host: LocalizedHost): void {
  connectedHosts.delete(host);
  if (connectedHosts.size === 0) {
    languageObserver?.disconnect();
    languageObserver = undefined;
  }
}

/** Keeps an element's language, direction and strings current; resolved once per render. */
export class LocalizeController<T extends SharedStrings> implements ReactiveController {
  private resolved: (ResolvedLocale<T> & { merged: T }) | undefined;

  /** `catalog` holds the element's own strings, and no other element's. */
  constructor(
    private readonly host: LocalizedHost,
    private readonly catalog: StringCatalog<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    watchPageLanguage(this.host);
  }

  hostDisconnected(): void {
    unwatchPageLanguage(this.host);
  }

  hostUpdate(): void {
    this.resolved = undefined;
  }

  get locale(): string {
    return this.current.locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.current.dir;
  }

  /** The strings for the current locale with the host's `strings` overrides applied. */
  get strings(): T {
    return this.current.merged;
  }

  private get current(): ResolvedLocale<T> & { merged: T } {
    if (!this.resolved) {
      const resolved = resolveLocale(this.host, navigator.languages, this.catalog);
      this.resolved = { ...resolved, merged: withOverrides(resolved.strings, this.host.strings) };
      if (resolved.loading) void this.catalog.load(resolved.locale).then(() => this.host.requestUpdate());
    }
    return this.resolved;
  }
}
