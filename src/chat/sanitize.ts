import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/**
 * Elements an `html` chat message (Teams interop) may keep. Formatting only: anything that loads,
 * embeds, submits or styles is left out, so what is left cannot reach the network or run script.
 * Elements outside the list are unwrapped (their text stays), except those whose content is code
 * (`script`, `style`, …), which DOMPurify drops whole.
 */
export const MESSAGE_ALLOWED_TAGS: readonly string[] = Object.freeze([
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  // Teams wraps mentions and emoji in spans; without them the text would still survive.
  'span',
]);

/** The only attribute a message keeps; `target` and `rel` on links are ours, never the sender's. */
export const MESSAGE_ALLOWED_ATTRIBUTES: readonly string[] = Object.freeze(['href']);

/**
 * URL schemes a link may keep. Relative and protocol-relative links are dropped too: a message
 * has no base URL of its own, so they would resolve against the hosting page.
 */
export const MESSAGE_LINK_PROTOCOLS: readonly string[] = Object.freeze(['http:', 'https:', 'mailto:']);

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const MESSAGE_CONFIG = {
  ALLOWED_TAGS: [...MESSAGE_ALLOWED_TAGS],
  ALLOWED_ATTR: [...MESSAGE_ALLOWED_ATTRIBUTES],
  // Tag names alone are not enough: `<svg><a>` and `<math><a>` are links in other namespaces.
  ALLOWED_NAMESPACES: [XHTML_NAMESPACE],
  // DOMPurify checks this against the attribute after entity decoding and whitespace removal,
  // so `java&#x09;script:` and ` javascript:` are judged by what the browser would follow.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  // Both default to on and would let `data-*` / `aria-*` through despite ALLOWED_ATTR.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/**
 * The Trusted Types policy our sanitizer parses with; a site's CSP lists it in `trusted-types`.
 * DOMPurify hands it the untrusted input only to parse it into an inert document, so it passes
 * strings through: what makes its output safe is the sanitizing, not the policy.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'acs-elements';

// Shared by every copy of this module on the page (an npm build and a CDN build side by side):
// without `'allow-duplicates'` a CSP lets a policy name be created only once.
const POLICY_KEY = Symbol.for('acs-elements.trusted-types-policy');

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): Policy;
}

/**
 * Our named policy, created once per page. Undefined where the browser has no Trusted Types, and
 * where the page's CSP refuses the name: DOMPurify then tries its own `dompurify` policy, which a
 * site may list instead.
 */
function trustedTypesPolicy(): Policy | undefined {
  const page = globalThis as typeof globalThis & { trustedTypes?: PolicyFactory; [POLICY_KEY]?: Policy | null };
  if (page[POLICY_KEY] !== undefined) return page[POLICY_KEY] ?? undefined;
  let policy: Policy | null = null;
  try {
    policy = page.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY_NAME, { createHTML: (input) => input, createScriptURL: (input) => input }) ?? null;
  } catch {
    // Refused by the page's CSP, or made already by a copy of this module from before the shared key.
  }
  page[POLICY_KEY] = policy;
  return policy ?? undefined;
}

interface MessagePurifier {
  purifier: Purifier;
  config: typeof MESSAGE_CONFIG & Pick<Config, 'TRUSTED_TYPES_POLICY'>;
}

let messagePurifier: MessagePurifier | undefined;

/**
 * A DOMPurify instance of our own, so the link hook never changes how other DOMPurify users on
 * the page sanitize. Created on first use because the module may be imported where there is no
 * `window` (server-side rendering).
 */
function getMessagePurifier(): MessagePurifier {
  if (messagePurifier) return messagePurifier;
  if (typeof window === 'undefined') {
    throw new Error('sanitizeMessageHtml needs a browser DOM; render html messages on the client.');
  }
  const purifier = DOMPurify(window);
  // An unsupported purifier returns its input unchanged, which here would mean raw HTML.
  if (!purifier.isSupported) {
    throw new Error('DOMPurify cannot run in this environment; refusing to render html messages.');
  }
  purifier.addHook('afterSanitizeAttributes', secureLink);
  const policy = trustedTypesPolicy();
  messagePurifier = { purifier, config: policy ? { ...MESSAGE_CONFIG, TRUSTED_TYPES_POLICY: policy } : MESSAGE_CONFIG };
  return messagePurifier;
}

/**
 * Second check on each surviving link, by the URL parser rather than a pattern, then make it open
 * outside the chat: a new tab, with no `window.opener` back into the page and no referrer leaking
 * the page's address to the sender's site.
 */
function secureLink(element: Element): void {
  if (element.localName !== 'a') return;
  const href = element.getAttribute('href');
  if (href === null || !isAllowedLink(href)) {
    element.removeAttribute('href');
    return;
  }
  element.setAttribute('target', '_blank');
  element.setAttribute('rel', 'noopener noreferrer');
}

function isAllowedLink(href: string): boolean {
  try {
    // No base URL: anything relative throws and is dropped.
    return MESSAGE_LINK_PROTOCOLS.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * Sanitizes the body of an ACS chat message of type `html` to the chat allowlist above.
 * Messages of type `text` must not come here: render them with a text binding.
 *
 * Returns a new, detached fragment on every call. Inserting it moves its nodes into the page and
 * leaves it empty, so keep one result per message (id and edit version) and render that, rather
 * than sanitizing again on every render.
 */
export function sanitizeMessageHtml(html: string): DocumentFragment {
  const { purifier, config } = getMessagePurifier();
  return purifier.sanitize(html, config);
}
