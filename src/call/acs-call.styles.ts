import { css } from 'lit';

/**
 * Styles of `<acs-call>` around the call itself: the element's box, the icon buttons, the lobby,
 * the end card and the incoming-call prompt. The stage has its own file. The stage and the
 * preview are dark in both themes, as a video call's picture area is everywhere.
 */
export const callStyles = css`
  :host {
    --_stage: var(--acs-call-stage-background, #141417);
    --_tile-background: var(--acs-call-tile-background, #2b2b31);
    --_speaker-color: var(--acs-call-speaker-color, #62abf5);
    --_hang-up: var(--acs-call-hang-up-color, var(--_color-danger-fill));
    --_on-stage: #f3f3f5;
    --_on-stage-muted: #c4c4cc;
    --_control: #3b3b43;
    --_accept: #0e7a0d;
    height: var(--acs-call-height, 30rem);
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .base,
  .call {
    height: 100%;
    display: flex;
    flex-direction: column;
  }

  .call {
    position: relative;
    flex: 1;
    min-height: 0;
    container: call / inline-size;
  }

  .call > .problem {
    position: absolute;
    z-index: 4;
    inset-inline: 0;
    top: var(--_space);
    width: fit-content;
    max-width: calc(100% - 2rem);
    margin-inline: auto;
    padding: var(--_space) calc(var(--_space) * 2);
    border: 1px solid var(--_color-danger);
    border-radius: var(--_radius-m);
    background: var(--_color-background);
  }

  .title {
    margin: 0;
    font-size: 1.25rem;
  }

  /* Round icon buttons, on the dark stage and preview unless a class says otherwise. */
  .control {
    position: relative;
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: var(--_control);
    color: var(--_on-stage);
  }

  .control:hover {
    filter: brightness(1.2);
  }

  .control[aria-pressed='true'],
  .control[aria-expanded='true'] {
    background: var(--_on-stage);
    color: var(--_stage);
  }

  .control:disabled {
    cursor: not-allowed;
    color: var(--_on-stage-muted);
  }

  .hang-up {
    width: 3.5rem;
    border-radius: 1.375rem;
    background: var(--_hang-up);
    color: var(--_color-on-danger);
  }

  .accept {
    background: var(--_accept);
    color: #ffffff;
  }

  .problem {
    margin: 0;
    color: var(--_color-danger);
  }

  .lobby {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
  }

  .preview-area {
    flex: 1;
    min-height: 10rem;
    container-type: size;
    display: grid;
    place-items: center;
  }

  /* The preview takes the camera's own shape (--_ratio, set from the video) at the largest size that fits. */
  .preview {
    display: grid;
    border-radius: var(--_radius-m);
    overflow: hidden;
    background: var(--_stage);
    color: var(--_on-stage-muted);
  }

  .preview > * {
    grid-area: 1 / 1;
  }

  .preview video,
  .preview-placeholder {
    display: block;
    width: min(100cqw, 100cqh * var(--_ratio, 16 / 9));
    aspect-ratio: var(--_ratio, 16 / 9);
    object-fit: cover;
  }

  .preview-placeholder {
    margin: 0;
    display: grid;
    place-items: center;
    padding-bottom: 3rem;
  }

  .preview-toggles {
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
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }

  @container call (min-width: 40rem) {
    .lobby {
      flex-direction: row;
    }

    .setup {
      width: 18rem;
      flex: none;
      justify-content: center;
    }
  }

  .picker,
  .level {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  select {
    font: inherit;
    font-size: var(--_font-size);
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    padding: 0.375rem 0.5rem;
  }

  meter {
    width: 100%;
    height: 0.5rem;
  }

  meter::-webkit-meter-bar {
    height: 0.5rem;
    border: 1px solid var(--_color-border);
    border-radius: 0.25rem;
    background: var(--_color-surface);
  }

  meter::-webkit-meter-optimum-value {
    background: var(--_color-accent);
  }

  .join {
    padding-block: 0.625rem;
    font-weight: 600;
  }

  .ended {
    flex: 1;
    display: grid;
    place-items: center;
    padding: calc(var(--_space) * 2);
  }

  .card {
    width: min(100%, 24rem);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    text-align: center;
  }

  .card p {
    margin: 0;
  }

  .muted-text {
    color: var(--_color-text-muted);
  }

  .actions,
  .incoming-actions {
    display: flex;
    flex-wrap: wrap;
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
    inset-inline: 0;
    top: calc(var(--_space) * 2);
    width: fit-content;
    max-width: calc(100% - 2rem);
    margin-inline: auto;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-background);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
    text-align: center;
  }

  .incoming p {
    margin: 0;
    font-weight: 600;
  }
`;
