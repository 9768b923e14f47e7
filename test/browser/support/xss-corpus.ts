/**
 * The XSS corpus of test/fixtures/xss/ (see its README): hand-written families, one vector a line,
 * plus a generated tag × event-handler × quoting matrix. Every vector that could run script calls
 * `__xss(<its id>)`, so a test knows which one got through.
 */

export interface XssVector {
  id: number;
  /** The file it comes from (its family), or `matrix`. */
  family: string;
  payload: string;
}

const FAMILIES = ['script-tags', 'javascript-urls', 'embedding', 'css', 'mutation-namespace', 'text-context'];

// Characters a line of text cannot hold, written as {NAME} or {U+XXXX} in the files.
const ESCAPES: Record<string, string> = { NL: '\n', CR: '\r', TAB: '\t', FF: '\f', NUL: '\0' };

function unescape(line: string): string {
  return line.replace(/\{(NL|CR|TAB|FF|NUL|U\+([0-9A-F]{4,6}))\}/g, (_, name: string, hex?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ESCAPES[name],
  );
}

async function lines(file: string): Promise<string[]> {
  const response = await fetch(`/test/fixtures/xss/${file}.txt`);
  if (!response.ok) throw new Error(`${file}.txt: ${response.status}`);
  return (await response.text()).split('\n').filter((line) => line.trim() && !line.startsWith('#'));
}

const encode = (code: string): string => code.replace(/./gsu, (char) => `&#x${char.codePointAt(0)?.toString(16)};`);

/**
 * How the handler is attached: quoted after a space, unquoted after a slash (which parsers
 * accept as a separator), and HTML-entity-encoded after a newline (attribute values are decoded
 * before the handler is compiled).
 */
const QUOTINGS: ((tag: string, event: string, code: string) => string)[] = [
  (tag, event, code) => `<${tag} ${event}="${code}">`,
  (tag, event, code) => `<${tag.replaceAll(' ', '/')}/${event}=${code}>`,
  (tag, event, code) => `<${tag}\n${event}='${encode(code)}'>`,
];

export async function loadXssCorpus(): Promise<XssVector[]> {
  const written = await Promise.all(
    FAMILIES.map(async (family) => (await lines(family)).map((line) => ({ family, make: (canary: string) => unescape(line).replaceAll('$X', canary) }))),
  );
  const [tags, events] = await Promise.all([lines('matrix-tags'), lines('matrix-events')]);
  const matrix = tags.flatMap((tag) =>
    events.flatMap((event) => QUOTINGS.map((quote) => ({ family: 'matrix', make: (canary: string) => quote(tag.trim(), event.trim(), canary) }))),
  );
  return [...written.flat(), ...matrix].map(({ family, make }, index) => ({ id: index + 1, family, payload: make(`__xss(${index + 1})`) }));
}
