import { css } from 'lit';

/**
 * Styles of the call in progress: the dark stage, its tiles, the panel, the toolbar, the More
 * menu and the dialogs. A narrow stage stacks two people and shows six in two columns, and its
 * participants panel covers the tiles.
 */
export const stageStyles = css`
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template: 'status status' auto 'main panel' minmax(0, 1fr) 'controls controls' auto / minmax(0, 1fr) auto;
    background: var(--_stage);
    color: #f3f3f5;
    --_color-focus: #fff;
  }

  .call-status {
    grid-area: status;
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    font-size: 0.875rem;
    color: #c4c4cc;
  }

  .badge {
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--_color-danger-fill);
    color: var(--_color-on-danger);
  }

  .main {
    grid-area: main;
    position: relative;
    display: flex;
    padding-inline: var(--_space);
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .gallery,
  .speaker-layout {
    flex: 1;
    display: grid;
    gap: var(--_space);
  }

  .gallery {
    grid-template-columns: repeat(var(--_columns, 1), minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
  }

  .gallery:is([data-count='2'], [data-count='3'], [data-count='4']) {
    --_columns: 2;
  }

  .gallery:not([data-count='1'], [data-count='2'], [data-count='3'], [data-count='4']) {
    --_columns: 3;
  }

  @container call (max-width: 36rem) {
    .gallery[data-count='2'] {
      --_columns: 1;
    }

    .gallery:is([data-count='5'], [data-count='6']) {
      --_columns: 2;
    }
  }

  .tile,
  .spotlight,
  .screen-share {
    position: relative;
    min-height: 0;
    display: grid;
    place-items: center;
    margin: 0;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: var(--_tile-background);
  }

  .tile {
    container-type: size;
  }

  .spotlight {
    place-items: stretch;
  }

  .tile[data-dominant] {
    outline: 3px solid var(--_speaker-color);
    outline-offset: -3px;
  }

  .tile video,
  .screen-share video {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .screen-share video {
    object-fit: contain;
  }

  .avatar {
    display: grid;
    place-items: center;
    width: min(40cqmin, 7rem);
    aspect-ratio: 1;
    border-radius: 50%;
    background: #5b5fc7;
    color: #fff;
    font-size: min(15cqmin, 2.5rem);
    font-weight: 600;
  }

  .others {
    font-size: 1.25rem;
  }

  .name {
    position: absolute;
    inset-inline-start: 0.5rem;
    bottom: 0.5rem;
    max-width: calc(100% - 1rem);
    display: flex;
    gap: 0.25rem;
    padding: 0.125rem 0.5rem;
    border-radius: var(--_radius-s);
    background: #000a;
    color: #fff;
    font-size: 0.8125rem;
  }

  .label {
    flex: 1;
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
    display: grid;
    box-shadow: 0 2px 12px #0009;
  }

  .speaker-layout {
    grid-template-rows: minmax(0, 1fr) auto;
  }

  .strip {
    display: flex;
    gap: var(--_space);
    height: 18cqh;
    max-height: 8rem;
    overflow: hidden;
  }

  .strip[data-count='0'] {
    display: none;
  }

  .strip .tile {
    aspect-ratio: 16 / 9;
  }

  .panel,
  .dialog {
    border: 0;
    border-radius: var(--_radius-m);
    background: var(--_color-background);
    color: var(--_color-text);
  }

  .panel {
    grid-area: panel;
    display: flex;
    flex-direction: column;
    width: 18rem;
    margin-inline-end: var(--_space);
  }

  @container call (max-width: 40rem) {
    .panel {
      position: absolute;
      grid-area: auto;
      z-index: 2;
      inset: 2.5rem var(--_space) 4.5rem;
      width: auto;
    }
  }

  .stage h2 {
    margin: 0;
    padding: var(--_space);
    font-size: 1rem;
  }

  .participant-list {
    overflow: auto;
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

  .participant-list .hand {
    position: static;
  }

  .controls {
    grid-area: controls;
    display: flex;
    justify-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) var(--_space);
  }

  .more {
    position: relative;
  }

  .menu {
    position: absolute;
    z-index: 3;
    bottom: calc(100% + var(--_space));
    inset-inline-end: 0;
    display: grid;
    padding: 0.25rem;
    border-radius: var(--_radius-m);
    background: var(--_tile-background);
    box-shadow: 0 4px 16px #0009;
  }

  .menu button {
    padding: 0.5rem 1rem;
    border: 0;
    background: none;
    color: inherit;
    text-align: start;
    white-space: nowrap;
  }

  .menu button:hover,
  .menu button:focus {
    background: #3b3b43;
  }

  .menu [aria-checked='true'] {
    color: var(--_speaker-color);
  }

  .dialog {
    width: min(26rem, 100% - 2rem);
    padding: calc(var(--_space) * 2);
    --_color-focus: currentColor;
  }

  .dialog::backdrop {
    background: #0008;
  }

  .dialog-header {
    display: flex;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
`;
