// Renders the API reference in api.html from the Custom Elements Manifest (custom-elements.json).
// Manifest text only ever reaches the page through textContent: never innerHTML.

const MANIFEST_URL = '/custom-elements.json';

/** Creates an element with attributes and children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

function code(text) {
  return h('code', {}, text);
}

/** JSDoc prose with `inline code` as <code> elements. */
function prose(text) {
  const fragment = document.createDocumentFragment();
  if (!text) return fragment;
  text.split('`').forEach((part, index) => {
    if (part) fragment.append(index % 2 ? code(part) : document.createTextNode(part));
  });
  return fragment;
}

/** An id fragment safe for any manifest name. */
function slug(...parts) {
  return parts.join('-').replace(/[^A-Za-z0-9_-]+/g, '_');
}

const emptyCell = () => h('span', { class: 'none' }, '—');

function inheritedNote(item) {
  return item.inheritedFrom ? h('span', { class: 'note' }, `from ${item.inheritedFrom.name}`) : undefined;
}

/** The detail type of an event: the manifest's `type.text`, else what the JSDoc states as `detail: …`. */
function eventDetail(event) {
  if (event.type?.text) return event.type.text;
  const stated = /`detail:\s*([^`]+)`/.exec(event.description ?? '');
  return stated ? stated[1].trim() : undefined;
}

let tableCount = 0;

/**
 * A table inside a focusable, labelled region that scrolls sideways on narrow screens.
 * `columns` are header labels; each row is a list of cells, the first one a row header.
 */
function table(captionText, columns, rows) {
  const captionId = `table-${++tableCount}`;
  return h(
    'div',
    { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId },
    h(
      'table',
      {},
      h('caption', { id: captionId }, captionText),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map(({ id, cells }) =>
          h(
            'tr',
            { id },
            cells.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
          ),
        ),
      ),
    ),
  );
}

function typeCell(type) {
  return type?.text ? h('span', { class: 'type' }, code(type.text)) : emptyCell();
}

function defaultCell(value) {
  return value !== undefined && value !== '' ? code(value) : emptyCell();
}

/** One part of an element's section: a heading, then a table or a sentence saying there is none. */
function part(tag, key, title, items, render, noneText, hint) {
  const headingId = slug(tag, key);
  const section = h('section', { 'aria-labelledby': headingId }, h('h3', { id: headingId }, title));
  if (hint && items.length > 0) section.append(h('p', { class: 'hint' }, hint));
  if (items.length === 0) section.append(h('p', { class: 'none' }, noneText));
  else section.append(render(items));
  return section;
}

/** `name(a, b?)`: the parameters' types and defaults are in their own column. */
function signature(method) {
  const params = (method.parameters ?? []).map((param) => `${param.rest ? '...' : ''}${param.name}${param.optional || param.default !== undefined ? '?' : ''}`);
  return `${method.name}(${params.join(', ')})`;
}

function renderElement(declaration) {
  const tag = declaration.tagName;
  const headingId = slug(tag);
  const isPublic = (member) => !member.privacy || member.privacy === 'public';
  const attributes = declaration.attributes ?? [];
  const members = (declaration.members ?? []).filter((member) => isPublic(member) && !member.static);
  const attributeNames = new Set(attributes.map((attribute) => attribute.name));
  const fields = members.filter((member) => member.kind === 'field');
  const properties = fields.filter((field) => !field.attribute || !attributeNames.has(field.attribute));
  const attributeFields = fields.filter((field) => field.attribute && attributeNames.has(field.attribute));
  const methods = members.filter((member) => member.kind === 'method');
  const events = declaration.events ?? [];
  const slots = declaration.slots ?? [];
  const cssParts = declaration.cssParts ?? [];
  const cssProperties = declaration.cssProperties ?? [];
  const attributeId = (name) => slug(tag, 'attr', name);

  const section = h('section', { class: 'element', id: headingId, 'aria-labelledby': `${headingId}-heading`, 'data-tag': tag });
  section.append(h('h2', { id: `${headingId}-heading` }, code(`<${tag}>`)));
  const meta = [`Class ${declaration.name}`];
  if (declaration.superclass?.name) meta.push(`extends ${declaration.superclass.name}`);
  section.append(h('p', { class: 'element-meta' }, meta.join(' ')));
  if (declaration.summary) section.append(h('p', { class: 'description' }, prose(declaration.summary)));
  for (const paragraph of (declaration.description ?? '').split(/\n\s*\n/)) {
    if (paragraph.trim()) section.append(h('p', { class: 'description' }, prose(paragraph.replace(/\s*\n\s*/g, ' '))));
  }

  section.append(
    part(
      tag,
      'attributes',
      'Attributes',
      attributes,
      (items) =>
        table(
          `Attributes of <${tag}>`,
          ['Attribute', 'Property', 'Type', 'Default', 'Description'],
          items.map((attribute) => ({
            id: attributeId(attribute.name),
            cells: [
              h('span', {}, code(attribute.name), inheritedNote(attribute)),
              attribute.fieldName ? h('span', { class: 'identifier' }, code(attribute.fieldName)) : emptyCell(),
              typeCell(attribute.type),
              defaultCell(attribute.default),
              prose(attribute.description),
            ],
          })),
        ),
      'This element has no attributes.',
    ),
  );

  const propertiesPart = part(
    tag,
    'properties',
    'Properties',
    properties,
    (items) =>
      table(
        `Properties of <${tag}> without an attribute`,
        ['Property', 'Type', 'Default', 'Description'],
        items.map((field) => ({
          id: slug(tag, 'prop', field.name),
          cells: [
            h('span', {}, code(field.name), field.readonly ? h('span', { class: 'note' }, 'read-only') : undefined, inheritedNote(field)),
            typeCell(field.type),
            defaultCell(field.default),
            prose(field.description),
          ],
        })),
      ),
    'Every property of this element is also an attribute.',
  );
  if (attributeFields.length > 0) {
    const links = [];
    attributeFields.forEach((field, index) => {
      if (index > 0) links.push(', ');
      links.push(h('a', { href: `#${attributeId(field.attribute)}` }, code(field.name)));
      links.push(' (', code(field.attribute), ')');
    });
    propertiesPart.append(h('p', { class: 'also' }, 'These attributes are properties too: ', links, '.'));
  }
  section.append(propertiesPart);

  section.append(
    part(
      tag,
      'methods',
      'Methods',
      methods,
      (items) =>
        table(
          `Methods of <${tag}>`,
          ['Method', 'Parameters', 'Returns', 'Description'],
          items.map((method) => ({
            id: slug(tag, 'method', method.name),
            cells: [
              h('span', {}, code(signature(method)), inheritedNote(method)),
              method.parameters?.length
                ? h(
                    'ul',
                    { class: 'params' },
                    method.parameters.map((param) =>
                      h(
                        'li',
                        {},
                        code(param.name),
                        param.type?.text ? [': ', code(param.type.text)] : undefined,
                        param.optional ? ' (optional)' : undefined,
                        param.default !== undefined ? [' = ', code(param.default)] : undefined,
                        param.description ? [' — ', prose(param.description)] : undefined,
                      ),
                    ),
                  )
                : emptyCell(),
              typeCell(method.return?.type),
              prose(method.description),
            ],
          })),
        ),
      'This element has no public methods.',
    ),
  );

  section.append(
    part(
      tag,
      'events',
      'Events',
      events,
      (items) =>
        table(
          `Events of <${tag}>`,
          ['Event', 'Detail', 'Description'],
          items.map((event) => {
            const detail = eventDetail(event);
            return {
              id: slug(tag, 'event', event.name),
              cells: [
                h('span', {}, code(event.name), inheritedNote(event)),
                detail ? h('span', { class: 'detail' }, code(detail)) : emptyCell(),
                prose(event.description),
              ],
            };
          }),
        ),
      'This element fires no events.',
    ),
  );

  section.append(
    part(
      tag,
      'slots',
      'Slots',
      slots,
      (items) =>
        table(
          `Slots of <${tag}>`,
          ['Slot', 'Description'],
          items.map((slot) => ({
            id: slug(tag, 'slot', slot.name || 'default'),
            cells: [h('span', {}, slot.name ? code(slot.name) : '(default)', inheritedNote(slot)), prose(slot.description)],
          })),
        ),
      'This element has no slots: it renders its own content.',
    ),
  );

  section.append(
    part(
      tag,
      'css-parts',
      'CSS parts',
      cssParts,
      (items) =>
        table(
          `CSS parts of <${tag}>`,
          ['Part', 'Description'],
          items.map((cssPart) => ({
            id: slug(tag, 'part', cssPart.name),
            cells: [h('span', {}, code(cssPart.name), inheritedNote(cssPart)), prose(cssPart.description)],
          })),
        ),
      'This element exposes no CSS parts.',
      ['Style them from the page with ', code(`${tag}::part(name)`), '.'],
    ),
  );

  section.append(
    part(
      tag,
      'css-properties',
      'CSS custom properties',
      cssProperties,
      (items) =>
        table(
          `CSS custom properties of <${tag}>`,
          ['Property', 'Default', 'Description'],
          items.map((property) => ({
            id: slug(tag, 'css', property.name),
            cells: [h('span', {}, code(property.name), inheritedNote(property)), defaultCell(property.default), prose(property.description)],
          })),
        ),
      'This element has no CSS custom properties.',
      ['Set them on the element or on an ancestor, e.g. ', code(`${tag} { ${cssProperties[0]?.name ?? '--name'}: … }`), '.'],
    ),
  );
  return section;
}

/** The manifest's custom elements with a tag name, in manifest order. */
function elementsOf(manifest) {
  return (manifest.modules ?? []).flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName));
}

function showError(reason) {
  const error = h(
    'div',
    { class: 'status error', role: 'alert' },
    h('p', {}, h('strong', {}, 'The API reference could not be loaded. '), reason),
    h(
      'p',
      {},
      'Check that ',
      code('custom-elements.json'),
      ' exists (',
      code('npm run manifest'),
      ' makes it) and that the page is served by ',
      code('npm start'),
      '.',
    ),
  );
  document.getElementById('status').replaceWith(error);
}

async function main() {
  let manifest;
  try {
    const response = await fetch(MANIFEST_URL, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${MANIFEST_URL} answered ${response.status} ${response.statusText}.`.replace(' .', '.'));
    manifest = await response.json();
  } catch (error) {
    const reason = error instanceof SyntaxError ? `${MANIFEST_URL} is not valid JSON.` : error instanceof Error ? error.message : String(error);
    showError(reason);
    return;
  }
  const elements = elementsOf(manifest);
  if (elements.length === 0) {
    showError(`${MANIFEST_URL} lists no custom elements.`);
    return;
  }
  const toc = document.getElementById('toc');
  for (const declaration of elements) {
    toc.append(
      h(
        'li',
        {},
        h('a', { href: `#${slug(declaration.tagName)}` }, code(`<${declaration.tagName}>`)),
        declaration.summary ? h('span', { class: 'summary' }, ' — ', prose(declaration.summary)) : undefined,
      ),
    );
  }
  toc.closest('nav').hidden = false;
  const main = document.getElementById('reference');
  main.replaceChildren(...elements.map(renderElement));
  // The page arrived with a #fragment that only exists now.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  document.documentElement.dataset.ready = 'true';
}

main();
