/** A rate: at most `requests` in each window of `windowMs`. */
export interface Rate {
  requests: number;
  windowMs: number;
}

const UNITS: Record<string, number> = { s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000, hour: 3_600_000 };

/** Reads a rate such as `30/min`, `5/s` or `500/h`; a bare number is per minute. */
export function parseRate(text: string): Rate {
  const [, count = '', unit = 'min'] = /^\s*(\d+)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(text) ?? [];
  const windowMs = UNITS[unit.toLowerCase()] as number | undefined;
  if (!windowMs || !(Number(count) >= 1)) throw new Error(`"${text}" is not a rate; write e.g. 30/min, 5/s or 500/h.`);
  return { requests: Number(count), windowMs };
}

/** A rate in words, for refusals: "30 per minute". */
export function describeRate({ requests, windowMs }: Rate): string {
  const unit = windowMs === 1000 ? 'second' : windowMs === 60_000 ? 'minute' : windowMs === 3_600_000 ? 'hour' : `${windowMs / 1000} s`;
  return `${requests} per ${unit}`;
}

/**
 * A fixed-window counter per key, bounded in memory. Windows are kept in the order they opened
 * (a key whose window restarts moves to the end), so expired ones are always at the front and are
 * swept there in passing; past `maxKeys` the oldest windows go first, which only ever forgives.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly rate: Rate,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one request for `key`: 0 when allowed, else the seconds until its window reopens. */
  take(key: string, now = Date.now()): number {
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.rate.requests ? Math.max(1, Math.ceil((window.start + this.rate.windowMs - now) / 1000)) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start < this.rate.windowMs && this.windows.size < this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}
