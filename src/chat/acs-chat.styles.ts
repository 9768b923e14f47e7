import { css } from 'lit';

/** Styles of `<acs-chat>`; the shared tokens come from `core/styles`. */
export const chatStyles = css`
  :host {
    --_chat-height: var(--acs-chat-height, 32rem);
    --_bubble: var(--acs-chat-bubble-background, var(--_color-surface));
    --_own-bubble: var(--acs-chat-own-bubble-background, var(--_color-accent));
    --_own-text: var(--acs-chat-own-bubble-color, var(--_color-on-accent));
    --_tint: color-mix(in srgb, var(--_color-accent) 16%, var(--_color-background));
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .chat {
    display: flex;
    flex-direction: column;
    height: var(--_chat-height);
  }

  .header {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_color-border);
  }

  .topic {
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
  .limit {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  button.icon {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.375rem;
    border-color: transparent;
    background: none;
    color: inherit;
  }

  button.icon:hover,
  .menu button:is(:hover, :focus-visible) {
    background: var(--_tint);
    color: var(--_color-text);
  }

  .participants {
    position: absolute;
    z-index: 2;
    top: 100%;
    inset-inline-end: var(--_space);
    width: min(18rem, 100% - var(--_space) * 2);
    /* Whole rows only: six rows of 2.75rem, and scrolling snaps to rows. */
    max-height: calc(16.5rem + var(--_space) * 2 + 2px);
    margin: 0;
    padding: var(--_space) 0;
    list-style: none;
    overflow-y: auto;
    scroll-snap-type: y mandatory;
    scroll-padding-block: var(--_space);
  }

  .participants,
  .menu {
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }

  .participants li {
    display: flex;
    align-items: center;
    gap: var(--_space);
    height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    scroll-snap-align: start;
  }

  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
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
    border-radius: calc(var(--_radius-m) * 1.5);
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

  .message.deleted,
  .message[data-status='failed'] {
    background: none;
    color: var(--_color-text-muted);
    border: 1px dashed var(--_color-border);
  }

  .message[data-status='failed'] {
    color: var(--_color-text);
    border: 1px solid var(--_color-danger);
  }

  .failed {
    color: var(--_color-danger);
  }

  .editing {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }

  .meta,
  .state {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
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

  .deleted .content {
    font-style: italic;
  }

  .content :is(p, ul, ol, pre, blockquote) {
    margin: 0.25em 0;
  }

  .own a {
    color: inherit;
  }

  .actions {
    position: relative;
  }

  .more {
    opacity: 0;
  }

  .message:is(:hover, :focus-within) .more,
  .more[aria-expanded='true'] {
    opacity: 1;
  }

  @media (hover: none) {
    .more {
      opacity: 1;
    }
  }

  .menu {
    position: absolute;
    z-index: 2;
    bottom: 100%;
    inset-inline-end: 0;
    display: flex;
    flex-direction: column;
    padding: 0.25rem;
    color: var(--_color-text);
  }

  .menu button,
  button.link {
    border: none;
    background: none;
    color: inherit;
    white-space: nowrap;
  }

  .menu button {
    text-align: start;
    font-size: var(--_font-size);
  }

  button.link {
    padding: 0 0.25rem;
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
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: 0 calc(var(--_space) * 2);
    padding: 0.25rem 0.25rem 0.25rem var(--_space);
    border-inline-start: 3px solid var(--_color-accent);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    font-size: 0.8125rem;
  }

  .edit-banner span {
    flex: 1;
  }

  .secondary {
    padding: 0.25rem var(--_space);
    border-color: var(--_color-border);
    background: var(--_color-background);
    color: var(--_color-text);
  }

  .composer {
    display: flex;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 0.5);
    align-items: flex-end;
  }

  textarea {
    flex: 1;
    resize: none;
    /* One line to start with, six at most (then it scrolls): the field grows with its text. */
    min-height: 2.5rem;
    max-height: calc(8.4em + var(--_space) * 2 + 2px);
    padding: var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
  }

  button.send {
    padding: 0.5625rem;
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  button.send[aria-disabled='true'] {
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

  .limit.over {
    color: var(--_color-danger);
  }
`;
