import { stopTracks } from './stop-tracks.js';

const FRAME_RATE = 15;

/** A synthetic video: a canvas painted on a timer, captured as a `MediaStream`. */
export interface PaintedStream {
  readonly stream: MediaStream;
  stop(): void;
}

/** A camera of `label`'s initials, or a slide naming them, on a colour of their own. */
export function paintStream(label: string, type: 'Video' | 'ScreenSharing'): PaintedStream {
  const screen = type === 'ScreenSharing';
  const canvas = document.createElement('canvas');
  canvas.width = screen ? 1280 : 640;
  canvas.height = screen ? 720 : 360;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('A fake video stream needs a 2D canvas.');
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- any stable hash of the label will do
  const hue = [...label].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 360, 0);
  const text = screen ? `${label} · screen` : initialsOf(label);
  const { width, height } = canvas;
  const paint = () => {
    context.fillStyle = `hsl(${hue} 45% ${screen ? 92 : 32}%)`;
    context.fillRect(0, 0, width, height);
    // Canvas capture only sends a frame when the canvas changed: the moving bar keeps frames coming.
    context.fillStyle = `hsl(${hue} 70% 55%)`;
    context.fillRect(((performance.now() / 8) % (width + 120)) - 120, height - 16, 120, 16);
    context.fillStyle = screen ? `hsl(${hue} 45% 20%)` : 'white';
    context.font = `600 ${screen ? 64 : 140}px system-ui, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(text, width / 2, height / 2);
  };
  paint();
  const timer = setInterval(paint, 1000 / FRAME_RATE);
  const stream = canvas.captureStream(FRAME_RATE);
  return {
    stream,
    stop: () => {
      clearInterval(timer);
      stopTracks(stream);
    },
  };
}

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length === 0
    ? '?'
    : words
        .slice(0, 2)
        // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the first code point, so an astral letter is not split
        .map((word) => [...word][0].toUpperCase())
        .join('');
}
