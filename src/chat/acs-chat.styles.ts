import { css } from 'lit';

/** Styles of `<acs-chat>`; the shared tokens come from `core/styles`. */
export const chatStyles = css`
  :host {
    --_chat-height: var(--acs-chat-height, 32rem);
    --_bubble: var(--acs-chat-bubble-background, var(--_color-surface));
    --_own-bubble: var(--acs-chat-own-bubble-background, var(--_color-accent));
    --_own-text: var(--acs-chat-own-bubble-color, var(--_color-on-accent));
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
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
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

  .connection {
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  .participants-toggle {
    padding: 0.25rem 0.5rem;
    font-size: 0.8125rem;
    background: none;
    color: inherit;
    border-color: var(--_color-border);
  }

  .participants {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 4);
    max-height: 8rem;
    overflow-y: auto;
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }

  .typing-now {
    color: var(--_color-text-muted);
    font-style: italic;
  }

  .log {
    flex: 1;
    overflow-y: auto;
    padding: var(--_space) calc(var(--_space) * 2);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .history-edge,
  .system,
  .day {
    align-self: center;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
    text-align: center;
  }

  .message {
    max-width: min(80%, 36rem);
    align-self: flex-start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius-m);
    background: var(--_bubble);
    overflow-wrap: anywhere;
  }

  .message.own {
    align-self: flex-end;
    background: var(--_own-bubble);
    color: var(--_own-text);
  }

  .message[data-status='failed'] {
    outline: 2px solid var(--_color-danger);
  }

  .meta,
  .state {
    display: flex;
    gap: var(--_space);
    align-items: center;
    font-size: 0.75rem;
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

  .message.own a {
    color: inherit;
  }

  button.icon {
    display: inline-flex;
    padding: 0.125rem;
    border: none;
    background: none;
    color: inherit;
  }

  button.link {
    padding: 0 0.25rem;
    border: none;
    background: none;
    color: inherit;
    text-decoration: underline;
  }

  .new-messages {
    align-self: center;
    margin-top: calc(var(--_space) * -4);
    z-index: 1;
  }

  .typing {
    min-height: 1.4em;
    margin: 0;
    padding: 0 calc(var(--_space) * 2);
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  .composer {
    display: flex;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
    align-items: flex-end;
  }

  textarea {
    flex: 1;
    resize: none;
    min-height: 2.5rem;
    max-height: 8rem;
    padding: var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
  }
`;
