import { css } from 'lit';

/** Styles of the call in progress: the dark stage, its tiles, the panel, the toolbar, the More menu and the dialogs. */
export const stageStyles = css`
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template: 'status status' auto 'main panel' minmax(0, 1fr) 'controls controls' auto / minmax(0, 1fr) auto;
    background: var(--_stage);
    color: var(--_on-stage);
    color-scheme: dark;
    --_color-focus: #ffffff;
  }

  .call-status {
    grid-area: status;
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.5rem;
    padding-inline: calc(var(--_space) * 2);
    font-size: 0.875rem;
    color: var(--_on-stage-muted);
  }

  .badge {
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--_color-danger-fill);
    color: var(--_color-on-danger);
    font-size: 0.75rem;
  }

  .main {
    grid-area: main;
    position: relative;
    display: flex;
    min-height: 0;
    padding-inline: var(--_space);
  }

  .gallery,
  .strip,
  .spotlight,
  .self-view,
  .participant-list,
  .shortcuts {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .gallery {
    flex: 1;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(var(--_columns, 1), minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
  }

  .gallery:is([data-count='2'], [data-count='3'], [data-count='4']) {
    --_columns: 2;
  }

  .gallery:not([data-count='1'], [data-count='2'], [data-count='3'], [data-count='4']) {
    --_columns: 3;
  }

  /* A tall stage stacks two people and shows six in two columns. */
  @container call (max-width: 36rem) {
    .gallery[data-count='2'] {
      --_columns: 1;
    }

    .gallery:is([data-count='5'], [data-count='6']) {
      --_columns: 2;
    }
  }

  .tile {
    position: relative;
    min-height: 0;
    display: grid;
    place-items: center;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: var(--_tile-background);
    container-type: size;
  }

  .tile[data-dominant] {
    outline: 3px solid var(--_speaker-color);
    outline-offset: -3px;
  }

  .tile video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .avatar {
    display: grid;
    place-items: center;
    width: min(40cqmin, 7rem);
    aspect-ratio: 1;
    border-radius: 50%;
    background: #5b5fc7;
    color: #ffffff;
    font-size: min(15cqmin, 2.5rem);
    font-weight: 600;
  }

  .others {
    font-size: 1.25rem;
    font-weight: 600;
  }

  .name {
    position: absolute;
    inset-inline-start: 0.5rem;
    bottom: 0.5rem;
    max-width: calc(100% - 1rem);
    display: flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.5rem;
    border-radius: var(--_radius-s);
    background: rgb(0 0 0 / 0.65);
    color: #ffffff;
    font-size: 0.8125rem;
  }

  .label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .hand {
    position: absolute;
    top: 0.5rem;
    inset-inline-start: 0.5rem;
    display: grid;
    padding: 0.3rem;
    border-radius: 50%;
    background: #ffd43b;
    color: #141417;
  }

  .self-view {
    position: absolute;
    z-index: 1;
    inset-inline-end: calc(var(--_space) * 2);
    bottom: var(--_space);
    width: clamp(6.5rem, 22%, 15rem);
    aspect-ratio: 16 / 9;
  }

  .self-view .tile {
    height: 100%;
    box-shadow: 0 2px 12px rgb(0 0 0 / 0.6);
  }

  .speaker-layout {
    flex: 1;
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
    gap: var(--_space);
  }

  .spotlight,
  .screen-share {
    display: grid;
    min-height: 0;
    margin: 0;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: #000000;
  }

  .screen-share video {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }

  .strip {
    display: flex;
    gap: var(--_space);
    height: clamp(4rem, 18cqh, 8rem);
    overflow: hidden;
  }

  .strip[data-count='0'] {
    display: none;
  }

  .strip .tile {
    flex: none;
    aspect-ratio: 16 / 9;
  }

  .panel {
    grid-area: panel;
    display: flex;
    flex-direction: column;
    width: 18rem;
    min-height: 0;
    margin-inline-end: var(--_space);
    border-radius: var(--_radius-m);
    background: var(--_color-background);
    color: var(--_color-text);
    color-scheme: light;
  }

  :host([theme='dark']) .panel {
    color-scheme: dark;
  }

  @container call (max-width: 40rem) {
    .panel {
      position: absolute;
      z-index: 2;
      inset: 2.5rem var(--_space) 4.5rem;
      width: auto;
    }
  }

  .panel-title {
    margin: 0;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    font-size: 1rem;
  }

  .participant-list {
    overflow: auto;
    padding: 0 var(--_space) var(--_space);
  }

  .participant-list li {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.375rem var(--_space);
  }

  .participant-list .avatar {
    width: 2rem;
    font-size: 0.8125rem;
  }

  .participant-list .label {
    flex: 1;
  }

  .participant-list .hand {
    position: static;
  }

  .controls {
    grid-area: controls;
    display: flex;
    justify-content: center;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) var(--_space);
  }

  /* The count is drawn, not written, so the button's only text is its name. */
  [part~='participants-button']::after {
    content: attr(data-count);
    position: absolute;
    top: -0.25rem;
    inset-inline-end: -0.25rem;
    min-width: 1.125rem;
    padding: 0 0.25rem;
    border-radius: 1rem;
    background: var(--_on-stage);
    color: var(--_stage);
    font-size: 0.6875rem;
    line-height: 1.125rem;
  }

  .more {
    position: relative;
  }

  .menu {
    position: absolute;
    z-index: 3;
    bottom: calc(100% + var(--_space));
    inset-inline-end: 0;
    display: flex;
    flex-direction: column;
    min-width: 14rem;
    padding: 0.25rem;
    border-radius: var(--_radius-m);
    background: var(--_tile-background);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.5);
  }

  .menu button {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem;
    border: none;
    background: none;
    color: var(--_on-stage);
    text-align: start;
    white-space: nowrap;
  }

  .menu button:hover,
  .menu button:focus {
    background: var(--_control);
  }

  .menu [aria-checked='true'] {
    color: var(--_speaker-color);
  }

  .menu [aria-checked='true']::after {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    margin-inline-start: auto;
    border-radius: 50%;
    background: currentColor;
  }

  .dialog {
    width: min(26rem, calc(100% - 2rem));
    padding: calc(var(--_space) * 2);
    border: none;
    border-radius: var(--_radius-m);
    background: var(--_color-background);
    color: var(--_color-text);
    --_color-focus: var(--acs-color-focus, currentColor);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .dialog-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 2);
  }

  .dialog h2 {
    margin: 0;
    font-size: 1.125rem;
  }

  .dialog .control {
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .shortcuts li {
    padding: 0.25rem 0;
  }
`;
