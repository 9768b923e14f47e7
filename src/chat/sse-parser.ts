export interface SseFrame {
  event: string;
  data: string;
  /** The id of this frame or, when it has none, of the last frame that had one. */
  lastEventId: string | undefined;
}

/** Splits an event stream into frames by the HTML standard's rules; `retry` is ignored because the back-off is ours. */
export function sseParser(lastEventId: string | undefined) {
  let buffer = '';
  let afterCr = false;
  let event = '';
  let data: string[] = [];
  return {
    push(text: string): SseFrame[] {
      if (!text) return [];
      // A CRLF split across two chunks is one line end, not two.
      if (afterCr && text.startsWith('\n')) text = text.slice(1);
      afterCr = text.endsWith('\r');
      const lines = (buffer + text).split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      const frames: SseFrame[] = [];
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) frames.push({ event: event || 'message', data: data.join('\n'), lastEventId });
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const value = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) lastEventId = value;
      }
      return frames;
    },
  };
}
