import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { handIcon, micOffIcon } from '../core/icons.js';
import { streamSource, type VideoSource } from './stream-source.js';

type CallStrings = AcsStrings['call'];

/** A gallery shows at most a 3×3 grid; past that the ninth cell counts the people not shown. */
const MAX_TILES = 9;

/** What one tile shows: a remote participant (a `ParticipantView` is one), or this user (`self`). */
export interface TileView {
  /** Keeps a person's tile, and its playing video, in place when others join or leave. */
  readonly id: string;
  readonly name: string;
  readonly video: VideoSource;
  readonly muted: boolean;
  readonly handRaised: boolean;
  readonly dominant?: boolean;
  readonly speaking?: boolean;
  readonly self?: boolean;
}

/**
 * The grid of tiles: 1 fills the stage, 2 side by side (stacked when the stage is taller than
 * wide), then 2×2 and 3×3. `data-count` lets the styles pick the columns. Tiles are keyed by
 * person, so when someone leaves the others' videos keep playing where they are.
 */
export function renderGallery(tiles: readonly TileView[], strings: CallStrings, part = 'gallery'): TemplateResult {
  const overflow = tiles.length > MAX_TILES ? tiles.length - MAX_TILES + 1 : 0;
  const shown = overflow ? tiles.slice(0, MAX_TILES - 1) : tiles;
  return html`<ul class=${part} part=${part} aria-label=${strings.gallery} data-count=${Math.min(tiles.length, MAX_TILES)}>
    ${repeat(
      shown,
      (tile) => tile.id,
      (tile) => renderTile(tile, strings),
    )}
    ${overflow ? html`<li class="tile others">${format(strings.moreParticipants, { count: String(overflow) })}</li>` : nothing}
  </ul>`;
}

export function renderTile(tile: TileView, strings: CallStrings): TemplateResult {
  const parts = `video-tile${tile.self ? ' self-tile' : ''}${tile.dominant ? ' dominant-speaker' : ''}`;
  const name = tile.self ? format(strings.you, { name: tile.name }) : tile.name;
  return html`<li class="tile" part=${parts} ?data-dominant=${tile.dominant} ?data-speaking=${tile.speaking}>
    ${tile.video ? html`<video autoplay playsinline muted aria-label=${name} ${streamSource(tile.video)}></video>` : renderAvatar(tile.name)}
    ${renderHand(tile.handRaised, strings)}
    <span class="name"><span class="label" dir="auto">${name}</span>${renderMuted(tile.muted, strings)}</span>
  </li>`;
}

export function renderHand(raised: boolean, strings: CallStrings): TemplateResult | typeof nothing {
  return raised ? html`<span class="hand" role="img" aria-label=${strings.handRaised}>${handIcon()}</span>` : nothing;
}

export function renderMuted(muted: boolean, strings: CallStrings): TemplateResult | typeof nothing {
  return muted ? html`<span class="muted" role="img" aria-label=${strings.muted}>${micOffIcon()}</span>` : nothing;
}

/** Initials in a circle, for a tile or list row without video. */
export function renderAvatar(name: string): TemplateResult {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the first code point, so an astral letter is not split
    .map((word) => [...word][0].toUpperCase())
    .join('');
  return html`<span class="avatar" aria-hidden="true">${initials}</span>`;
}
