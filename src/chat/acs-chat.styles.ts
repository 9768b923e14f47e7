import { css } from 'lit';

/**
 * Styles of `<acs-chat>`; the shared tokens come from `core/styles`. The participants list shows
 * whole rows only (six of 2.75rem, snapping as it scrolls); the text field starts at one line and
 * grows to six (8.4em at line-height 1.4), then scrolls. A message's More button shows on hover or
 * focus where there is hover, always on touch screens.
 */
export const chatStyles = css`
  :host {
    height: var(--acs-chat-height, 32rem);
    --_bubble: var(--acs-chat-bubble-background, var(--_color-surface));
    --_own-bubble: var(--acs-chat-own-bubble-background, var(--_color-accent));
    --_own-text: var(--acs-chat-own-bubble-color, var(--_color-on-accent));
    --_tint: color-mix(in srgb, var(--_color-accent) 16%, var(--_color-background));
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  /* The chat fills the element, whose height the page sets (or --acs-chat-height). */
  .base,
  .chat {
    display: flex;
    flex-direction: column;
    height: 100%;
  }

  .chat {
    flex: 1;
    min-height: 0;
  }

  .header,
  .participants li,
  .edit-banner,
  .composer,
  .meta,
  .state {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  .header {
    position: relative;
    padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_color-border);
  }

  .topic,
  .name {
    flex: 1;
    margin: 0;
    font-size: 1rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .connection,
  .note,
  .history-edge,
  .system,
  .day,
  .typing,
  .limit,
  .edit-banner {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  .icon-btn {
    display: inline-flex;
    padding: 0.375rem;
    border-color: transparent;
    background: none;
    color: inherit;
  }

  .icon-btn:hover,
  .menu button:is(:hover, :focus-visible) {
    background: var(--_tint);
    color: var(--_color-text);
  }

  .participants,
  .menu {
    position: absolute;
    z-index: 2;
    inset-inline-end: 0;
    margin: 0;
    padding: 0;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    box-shadow: 0 4px 16px #0004;
  }

  .participants {
    top: 100%;
    inset-inline-end: var(--_space);
    width: min(18rem, 100% - var(--_space) * 2);
    max-height: calc(16.5rem + 2px);
    list-style: none;
    overflow-y: auto;
    scroll-snap-type: y mandatory;
  }

  .participants li {
    height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    scroll-snap-align: start;
  }

  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--_tint);
    font-size: 0.75rem;
    font-weight: 600;
  }

  .log {
    flex: 1;
    overflow-y: auto;
    padding: var(--_space) calc(var(--_space) * 2);
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .history-edge,
  .system,
  .day {
    align-self: center;
    margin: var(--_space) 0;
    text-align: center;
  }

  .message {
    position: relative;
    max-width: min(75%, 36rem);
    align-self: flex-start;
    margin-inline-start: 2.5rem;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-radius: 12px;
    background: var(--_bubble);
    overflow-wrap: anywhere;
  }

  .message:not(.continued) {
    margin-top: var(--_space);
  }

  .message .avatar {
    position: absolute;
    inset-inline-start: -2.5rem;
    top: 0;
  }

  .own {
    align-self: flex-end;
    background: var(--_own-bubble);
    color: var(--_own-text);
  }

  .message.deleted {
    font-style: italic;
    background: none;
    color: var(--_color-text-muted);
    border: 1px dashed var(--_color-border);
  }

  .message[data-status='failed'] {
    background: none;
    color: var(--_color-text);
    border: 1px solid var(--_color-danger);
  }

  .failed,
  .over {
    color: var(--_color-danger);
  }

  .editing {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }

  .meta,
  .state {
    flex-wrap: wrap;
    font-size: 0.75rem;
  }

  .state {
    justify-content: flex-end;
  }

  .sender {
    font-weight: 600;
  }

  .content {
    white-space: pre-wrap;
  }

  .content :is(p, ul, ol, pre, blockquote) {
    margin: 0.25em 0;
  }

  .own a {
    color: inherit;
  }

  /* Beside the bubble, where it takes no line of its own. */
  .actions {
    position: absolute;
    inset-inline-end: calc(100% + 0.25rem);
    top: 50%;
    transform: translateY(-50%);
    color: var(--_color-text-muted);
  }

  @media (hover: hover) {
    .message:not(:hover, :focus-within) .more {
      opacity: 0;
    }
  }

  .menu {
    display: grid;
    bottom: 100%;
    padding: 0.25rem;
    color: var(--_color-text);
  }

  .menu button,
  .link {
    padding: 0.25rem var(--_space);
    border: none;
    background: none;
    color: inherit;
    text-align: start;
    white-space: nowrap;
  }

  .link {
    text-decoration: underline;
  }

  .new-messages {
    align-self: center;
    margin-top: calc(var(--_space) * -4);
    z-index: 1;
  }

  .typing {
    min-height: 1.4em;
    padding: 0 calc(var(--_space) * 2);
  }

  .edit-banner {
    margin: 0 calc(var(--_space) * 2);
    padding: 0.25rem;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-surface);
    color: var(--_color-text);
    justify-content: space-between;
  }

  .secondary {
    border-color: var(--_color-border);
    background: none;
    color: var(--_color-text);
  }

  .composer {
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 0.5);
    align-items: flex-end;
  }

  textarea {
    flex: 1;
    resize: none;
    min-height: 2.5rem;
    max-height: calc(8.4em + var(--_space) * 2 + 2px);
    padding: var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_color-background);
    /* The field's edge is how it is found: at least 3:1 (the muted text colour), as the dial pad's. */
    border: 1px solid var(--_color-text-muted);
    border-radius: var(--_radius-s);
  }

  .send {
    padding: 9px;
  }

  /* The paper plane points along the text. */
  [dir='rtl'] .send .icon {
    transform: scaleX(-1);
  }

  .send[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text-muted);
  }

  [dir='rtl'] .send .icon {
    transform: scaleX(-1);
  }

  .limit {
    padding: 0 calc(var(--_space) * 2) calc(var(--_space) * 1.5);
    text-align: end;
  }
`;
