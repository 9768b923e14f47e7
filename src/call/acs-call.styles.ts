import { css } from 'lit';

/** Styles of `<acs-call>`; the shared tokens come from `core/styles`. */
export const callStyles = css`
  :host {
    --_call-height: var(--acs-call-height, 30rem);
    --_tile-background: var(--acs-call-tile-background, var(--_color-surface));
    --_speaker-color: var(--acs-call-speaker-color, var(--_color-accent));
    --_hang-up: var(--acs-call-hang-up-color, var(--_color-danger));
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .call {
    display: flex;
    flex-direction: column;
    min-height: var(--_call-height);
    padding: calc(var(--_space) * 2);
    gap: var(--_space);
  }

  .title {
    margin: 0;
    font-size: 1.125rem;
  }

  .lobby,
  .stage,
  .ended {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    flex: 1;
  }

  .preview,
  .screen-share {
    position: relative;
    margin: 0;
    aspect-ratio: 16 / 9;
    max-height: 16rem;
    background: var(--_tile-background);
    border-radius: var(--_radius-m);
    overflow: hidden;
    display: grid;
    place-items: center;
  }

  .screen-share {
    max-height: none;
  }

  video {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }

  .screen-share video {
    object-fit: contain;
  }

  .self-video,
  .self video {
    transform: scaleX(-1);
  }

  .preview-placeholder {
    color: var(--_color-text-muted);
  }

  .toggles,
  .controls,
  .devices,
  .incoming-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .toggle,
  .participants-toggle {
    background: var(--_color-surface);
    color: var(--_color-text);
    border-color: var(--_color-border);
  }

  .toggle[aria-pressed='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    border-color: var(--_color-accent);
  }

  .hang-up {
    background: var(--_hang-up);
    border-color: var(--_hang-up);
    color: #ffffff;
  }

  :host([theme='dark']) .hang-up {
    color: #0b0b0d;
  }

  .level {
    width: 6rem;
  }

  .picker {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  select {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    padding: 0.25rem;
    max-width: 14rem;
  }

  .join {
    align-self: flex-start;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .call-status {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }

  .badge {
    padding: 0 0.5rem;
    border-radius: var(--_radius-s);
    background: var(--_color-danger);
    color: var(--_color-background);
    font-size: 0.8125rem;
  }

  .gallery {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--_space);
    flex: 1;
  }

  .tile {
    position: relative;
    aspect-ratio: 4 / 3;
    background: var(--_tile-background);
    border-radius: var(--_radius-m);
    overflow: hidden;
    display: grid;
    place-items: center;
    outline: 2px solid transparent;
  }

  .tile[data-dominant] {
    outline-color: var(--_speaker-color);
  }

  .initials {
    font-size: 1.5rem;
    font-weight: 600;
  }

  .name {
    position: absolute;
    inset-inline-start: 0.25rem;
    bottom: 0.25rem;
    padding: 0 0.375rem;
    border-radius: var(--_radius-s);
    background: var(--_color-background);
    font-size: 0.8125rem;
  }

  .participant-list {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 3);
  }

  .shortcuts {
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  .incoming {
    padding: var(--_space);
    border: 1px solid var(--_color-accent);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
  }

  .incoming p {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
`;
