import { css } from 'lit';

/**
 * Styles of `<acs-call>` around the call itself: the element's box, the icon buttons, the lobby,
 * the end card and the incoming-call prompt; the stage has its own file. The stage and the
 * preview are dark in both themes, as a video call's picture area is everywhere. `.control` is a
 * round icon button, on the dark stage unless a class says otherwise. The preview takes the
 * camera's own shape (`--_ratio`, set from the video) at the largest size that fits: just above
 * the setup when stacked, in the middle when side by side. Its toggles are positioned so they
 * paint over the mirrored (transformed) video. A box too short for the whole lobby scrolls it, the join
 * button kept in view at its bottom. (Comments stay out of the CSS: it ships as written.)
 */
export const callStyles = css`
  :host {
    --_stage: var(--acs-call-stage-background, #141417);
    --_tile-background: var(--acs-call-tile-background, #2b2b31);
    --_speaker-color: var(--acs-call-speaker-color, #62abf5);
    height: var(--acs-call-height, 30rem);
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .base,
  .call,
  .lobby,
  .setup,
  .devices,
  .picker,
  .card {
    display: flex;
    flex-direction: column;
  }

  .base,
  .call {
    height: 100%;
  }

  .call {
    position: relative;
    container: call / inline-size;
  }

  .call,
  .lobby,
  .ended,
  .preview-area {
    flex: 1;
    min-height: 0;
  }

  .title {
    margin: 0;
    font-size: 1.25rem;
  }

  .control {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: #3b3b43;
    color: #f3f3f5;
  }

  .control[aria-pressed='true'],
  .control[aria-expanded='true'] {
    background: #f3f3f5;
    color: #141417;
  }

  .control:disabled {
    color: #c4c4cc;
    cursor: not-allowed;
  }

  .hang-up {
    width: 3.5rem;
    border-radius: 1.375rem;
    background: var(--acs-call-hang-up-color, var(--_color-danger-fill));
    color: var(--_color-on-danger);
  }

  .accept {
    background: #0e7a0d;
    color: #fff;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .lobby,
  .ended {
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
  }

  .lobby {
    overflow-y: auto;
  }

  .preview-area {
    min-height: 10rem;
    container-type: size;
    display: grid;
    place-items: end center;
  }

  .preview {
    display: grid;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: var(--_stage);
    color: #c4c4cc;
  }

  .preview > * {
    grid-area: 1 / 1;
  }

  .preview video,
  .preview-placeholder {
    width: min(100cqw, 100cqh * var(--_ratio, 16 / 9));
    aspect-ratio: var(--_ratio, 16 / 9);
    margin: 0;
    object-fit: cover;
    display: grid;
    place-items: center;
  }

  .preview-toggles {
    position: relative;
    align-self: end;
    justify-self: center;
    display: flex;
    gap: var(--_space);
    padding: var(--_space);
  }

  .self-video,
  [part~='self-tile'] video {
    transform: scaleX(-1);
  }

  .setup,
  .devices {
    gap: calc(var(--_space) * 1.5);
  }

  @container call (min-width: 40rem) {
    .lobby {
      flex-direction: row;
    }

    .preview-area {
      align-items: center;
    }

    .setup {
      width: 18rem;
      justify-content: center;
    }
  }

  .picker,
  .level {
    gap: 0.25rem;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  select {
    font: inherit;
    padding: 0.375rem;
  }

  meter {
    display: block;
    width: 100%;
  }

  .join {
    position: sticky;
    bottom: 0;
    padding: 0.625rem;
    font-weight: 600;
  }

  .ended {
    display: grid;
    place-items: center;
  }

  .card {
    width: min(100%, 24rem);
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    text-align: center;
  }

  .card p,
  .incoming p {
    margin: 0;
  }

  .muted-text {
    color: var(--_color-text-muted);
  }

  .actions,
  .incoming-actions {
    display: flex;
    justify-content: center;
    gap: var(--_space);
    margin-top: var(--_space);
  }

  .secondary {
    background: var(--_color-background);
    color: var(--_color-text);
    border-color: var(--_color-border);
  }

  .incoming {
    position: absolute;
    z-index: 4;
    inset: var(--_space) var(--_space) auto;
    margin: auto;
    width: fit-content;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-background);
    box-shadow: 0 4px 16px #0006;
    font-weight: 600;
    text-align: center;
  }
`;
