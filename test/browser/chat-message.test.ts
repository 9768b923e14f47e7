import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { htmlAsText, renderMessage, type MessageContext } from '../../src/chat/chat-message.js';
import type { MessageView } from '../../src/chat/chat-state.js';
import { en } from './support/strings.js';

const message: MessageView = {
  key: '1',
  id: '1',
  kind: 'html',
  content: '<p>Tom &amp; Jerry &lt;3 <b>bold</b><script>steal()</script><!-- note --><img src=x onerror=steal()></p>&#x1F600;',
  senderDisplayName: 'Teams user',
  createdOn: new Date(),
  deleted: false,
  own: false,
  status: 'sent',
};

const nothingToDo = (): void => undefined;

const context: MessageContext = {
  strings: en,
  locale: 'en',
  read: false,
  continued: false,
  editing: false,
  menuOpen: false,
  actions: { retry: nothingToDo, edit: nothingToDo, remove: nothingToDo, menu: nothingToDo, menuKey: nothingToDo },
  sanitize: undefined,
};

describe('an html message before the sanitizer has downloaded', () => {
  it('shows its words as plain text, without parsing the HTML (which a Trusted Types page refuses)', () => {
    const parse = Object.getOwnPropertyDescriptor(DOMParser.prototype, 'parseFromString')!;
    Object.defineProperty(DOMParser.prototype, 'parseFromString', {
      ...parse,
      value: () => {
        throw new TypeError('parsed HTML before the sanitizer was ready');
      },
    });
    try {
      const box = document.createElement('div');
      render(renderMessage(message, context), box);
      const content = box.querySelector('.content')!;
      expect(content.textContent).to.equal('Tom & Jerry <3 bold😀');
      expect(content.children).to.have.length(0);
    } finally {
      Object.defineProperty(DOMParser.prototype, 'parseFromString', parse);
    }
  });

  it('strips comments, scripts, styles and unterminated tags, and leaves unknown entities alone', () => {
    expect(htmlAsText('a<!-- b -->c<style>p{}</style>d<script>e</script>f<b')).to.equal('acdf');
    expect(htmlAsText('x &copy; &#0; &#xFFFFFFF; y')).to.equal('x &copy; &#0; &#xFFFFFFF; y');
    expect(htmlAsText('unclosed <!-- comment')).to.equal('unclosed ');
  });
});
