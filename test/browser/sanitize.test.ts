import { aTimeout, expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { MESSAGE_ALLOWED_TAGS, sanitizeMessageHtml } from '../../src/chat/sanitize.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

// Written out here rather than derived from the module, so the test does not trust its own subject.
const SCRIPTABLE_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'img',
  'video',
  'audio',
  'source',
  'form',
  'button',
  'input',
  'textarea',
  'select',
  'details',
  'noscript',
  'template',
  'xmp',
];
const SCRIPTABLE_ATTRIBUTES = ['style', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'id', 'class'];
const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

function serialize(fragment: DocumentFragment): string {
  const box = document.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
}

function expectNothingScriptable(fragment: DocumentFragment): void {
  for (const element of fragment.querySelectorAll('*')) {
    const where = `<${element.localName}> in ${serialize(fragment)}`;
    expect(element.namespaceURI, where).to.equal(XHTML_NAMESPACE);
    expect(SCRIPTABLE_ELEMENTS, where).not.to.include(element.localName);
    expect(MESSAGE_ALLOWED_TAGS, where).to.include(element.localName);
    for (const { name, value } of element.attributes) {
      expect(name, where).not.to.match(/^on/i);
      expect(SCRIPTABLE_ATTRIBUTES, where).not.to.include(name);
      if (name === 'href') {
        expect(URL.canParse(value) && SAFE_LINK_PROTOCOLS.includes(new URL(value).protocol), `href="${value}" on ${where}`).to.equal(true);
      }
    }
  }
}

/**
 * Puts the sanitized message in the live page, clicks every link, button and paragraph in it as a
 * reader might, and waits for load, error, focus and toggle events and javascript: navigations.
 */
async function expectInertInPage(fragment: DocumentFragment): Promise<void> {
  // Only javascript: navigations may go ahead, so that a payload that survived would run; any
  // other link or form would take the test page away.
  const isScriptUrl = (url: string): boolean => /^javascript:/i.test(url);
  const stayOnPage = (event: Event): void => {
    const link = (event.target as Element).closest('a');
    if (link && !isScriptUrl(link.href)) event.preventDefault();
  };
  const stayOnPageOnSubmit = (event: SubmitEvent): void => {
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter as HTMLButtonElement | null;
    const action = submitter?.hasAttribute('formaction') ? submitter.formAction : form.action;
    if (!isScriptUrl(action)) event.preventDefault();
  };
  const host = document.createElement('div');
  document.addEventListener('click', stayOnPage, true);
  document.addEventListener('submit', stayOnPageOnSubmit, true);
  document.body.append(host);
  try {
    host.append(fragment);
    // A dispatched click, unlike click(), also reaches SVG and MathML links.
    for (const clickable of host.querySelectorAll('a, button, p')) {
      clickable.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    await aTimeout(100);
    // typeof: an element named by a surviving `id` would also show up here, and reporting the
    // element itself would not serialize.
    expect(typeof window.__xss, 'a payload ran or an id clobbered window.__xss').to.equal('undefined');
  } finally {
    host.remove();
    document.removeEventListener('click', stayOnPage, true);
    document.removeEventListener('submit', stayOnPageOnSubmit, true);
  }
}

interface MaliciousCase {
  name: string;
  html: string;
  /** Text the reader should still see once the dangerous parts are gone. */
  keepsText?: string;
}

const maliciousCases: MaliciousCase[] = [
  { name: 'script element', html: '<script>window.__xss = true</script>hello', keepsText: 'hello' },
  { name: 'img onerror', html: '<img src=x onerror="window.__xss = true">' },
  { name: 'svg onload', html: '<svg onload="window.__xss = true"></svg>' },
  { name: 'script inside svg', html: '<svg><script>window.__xss = true</script></svg>' },
  {
    name: 'link inside svg',
    html: '<svg><a xlink:href="javascript:window.__xss = true" href="javascript:window.__xss = true"><text y="20">svg link</text></a></svg>',
  },
  { name: 'javascript: link', html: '<a href="javascript:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'mixed-case javascript: link', html: '<a href="JaVaScRiPt:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'tab-entity javascript: link', html: '<a href="java&#x09;script:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'newline-entity javascript: link', html: '<a href="java&#10;script:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'decimal-entity javascript: link', html: '<a href="&#106;&#97;vascript:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'javascript: link after whitespace', html: '<a href=" \u0001 javascript:window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'data: link', html: '<a href="data:text/html,<script>opener.__xss = true</script>">click me</a>', keepsText: 'click me' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">click me</a>', keepsText: 'click me' },
  { name: 'protocol-relative link', html: '<a href="//evil.example/">click me</a>', keepsText: 'click me' },
  { name: 'relative link', html: '<a href="/logout">click me</a>', keepsText: 'click me' },
  { name: 'empty link', html: '<a href="">click me</a>', keepsText: 'click me' },
  { name: 'link handler on a safe link', html: '<a href="https://example.com/" onclick="window.__xss = true">click me</a>', keepsText: 'click me' },
  { name: 'iframe src', html: '<iframe src="javascript:parent.__xss = true"></iframe>' },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>parent.__xss = true</script>"></iframe>' },
  { name: 'object and embed', html: '<object data="javascript:window.__xss = true"></object><embed src="javascript:window.__xss = true">' },
  { name: 'form action', html: '<form action="javascript:window.__xss = true"><button>send</button></form>', keepsText: 'send' },
  { name: 'button formaction', html: '<form><button formaction="javascript:window.__xss = true">send</button></form>', keepsText: 'send' },
  { name: 'autofocus onfocus', html: '<input autofocus onfocus="window.__xss = true">' },
  { name: 'details ontoggle', html: '<details open ontoggle="window.__xss = true"><summary>more</summary></details>', keepsText: 'more' },
  { name: 'event handler on an allowed element', html: '<p onclick="window.__xss = true" onmouseover="window.__xss = true">hi</p>', keepsText: 'hi' },
  { name: 'math link', html: '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss = true">click me</maction></math>' },
  { name: 'math namespace confusion (DOMPurify 2.0.17 mXSS)', html: '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = true">' },
  { name: 'math style confusion', html: '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="window.__xss = true">' },
  { name: 'style element', html: '<style>@import "javascript:window.__xss = true"; body { display: none }</style>' },
  { name: 'style attribute', html: '<div style="background:url(javascript:window.__xss = true)">styled</div>', keepsText: 'styled' },
  { name: 'noscript mXSS', html: '<noscript><p title="</noscript><img src=x onerror=window.__xss=true>">' },
  { name: 'xmp mXSS', html: '<xmp><p title="</xmp><img src=x onerror=window.__xss=true>">' },
  { name: 'comment mXSS', html: '<!--><img src=x onerror="window.__xss = true">-->' },
  { name: 'template content', html: '<template><img src=x onerror="window.__xss = true"></template>' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss = true">' },
  { name: 'base href', html: '<base href="javascript:window.__xss = true//"><a href="x">click me</a>', keepsText: 'click me' },
  { name: 'id and name clobbering', html: '<p id="__xss" class="x">clobber</p>', keepsText: 'clobber' },
];

describe('sanitizeMessageHtml: malicious html', () => {
  beforeEach(() => {
    delete window.__xss;
  });

  for (const { name, html, keepsText } of maliciousCases) {
    it(`neutralizes ${name}`, async () => {
      const fragment = sanitizeMessageHtml(html);
      expectNothingScriptable(fragment);
      if (keepsText) expect(fragment.textContent).to.contain(keepsText);
      await expectInertInPage(fragment);
    });
  }
});

interface BenignCase {
  name: string;
  html: string;
  /** What the reader should get, serialized. */
  renders: string;
}

const benignCases: BenignCase[] = [
  { name: 'a paragraph with bold', html: '<p>Hi <b>there</b></p>', renders: '<p>Hi <b>there</b></p>' },
  {
    name: 'inline formatting',
    html: '<p><strong>a</strong> <em>b</em> <i>c</i> <u>d</u> <s>e</s> <strike>f</strike> <del>g</del> <code>h</code></p>',
    renders: '<p><strong>a</strong> <em>b</em> <i>c</i> <u>d</u> <s>e</s> <strike>f</strike> <del>g</del> <code>h</code></p>',
  },
  { name: 'line breaks', html: 'one<br>two', renders: 'one<br>two' },
  { name: 'lists', html: '<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>', renders: '<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>' },
  { name: 'quote and code block', html: '<blockquote>said</blockquote><pre>x = 1</pre>', renders: '<blockquote>said</blockquote><pre>x = 1</pre>' },
  {
    name: 'a Teams mention, losing its attributes but not its text',
    html: '<div><p>Hey <span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">Ana</span></p></div>',
    renders: '<p>Hey <span>Ana</span></p>',
  },
  {
    name: 'a Teams table, unwrapped to its text',
    html: '<table><tbody><tr><td>cell</td></tr></tbody></table>',
    renders: 'cell',
  },
  { name: 'plain text with markup characters', html: 'a &lt; b &amp;&amp; c', renders: 'a &lt; b &amp;&amp; c' },
  { name: 'empty input', html: '', renders: '' },
];

describe('sanitizeMessageHtml: benign html', () => {
  for (const { name, html, renders } of benignCases) {
    it(`keeps ${name}`, () => {
      expect(serialize(sanitizeMessageHtml(html))).to.equal(renders);
    });
  }

  for (const href of ['https://example.com/path?q=1#top', 'http://example.com/', 'mailto:ana@example.com', 'HTTPS://EXAMPLE.COM/']) {
    it(`keeps a ${href.split(':')[0]} link, opening in a new tab without opener or referrer`, () => {
      const fragment = sanitizeMessageHtml(`<p>see <a href="${href}" target="_self" rel="opener" title="t" class="c" id="i">the site</a></p>`);
      const link = fragment.querySelector('a')!;
      expect(link.textContent).to.equal('the site');
      expect(link.getAttribute('href')).to.equal(href);
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect([...link.attributes].map((attribute) => attribute.name).sort()).to.deep.equal(['href', 'rel', 'target']);
    });
  }

  it('leaves a link without a safe href as plain text, not a new-tab link', () => {
    const link = sanitizeMessageHtml('<a href="javascript:void 0" target="_blank">x</a>').querySelector('a')!;
    expect(link.hasAttribute('href')).to.equal(false);
    expect(link.hasAttribute('target')).to.equal(false);
  });
});

describe('sanitizeMessageHtml: the result', () => {
  it('is a fresh DocumentFragment each call, ready for a Lit child binding', () => {
    const first = sanitizeMessageHtml('<p>x</p>');
    const second = sanitizeMessageHtml('<p>x</p>');
    expect(first).to.be.instanceOf(DocumentFragment);
    expect(first).not.to.equal(second);
  });

  it("does not change how the page's own DOMPurify sanitizes links", () => {
    sanitizeMessageHtml('<a href="https://example.com/">x</a>');
    const elsewhere = DOMPurify.sanitize('<a href="https://example.com/" title="t">x</a>', { RETURN_DOM_FRAGMENT: true });
    const link = elsewhere.querySelector('a')!;
    expect(link.getAttribute('title'), 'its default allowlist').to.equal('t');
    expect(link.hasAttribute('target'), 'no new-tab hook').to.equal(false);
    expect(link.hasAttribute('rel'), 'no new-tab hook').to.equal(false);
  });
});
