/** Someone typing, by id: two people may share a name. */
export interface TypingPerson {
  id: string;
  name: string;
}

/** How long a typing notification counts: ACS clients send one at most every 8 s. */
const TYPING_SHOWN_MS = 9000;

/**
 * Who is typing now, from typing notifications that each count for a while. `onChange` gets the
 * new list whenever it changes, including when someone's notification lapses (checked each second).
 */
export class TypingPeople {
  private readonly until = new Map<string, { name: string; until: number }>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private shown: readonly TypingPerson[] = [];

  constructor(private readonly onChange: (people: readonly TypingPerson[]) => void) {}

  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.refresh(), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Another conversation: nobody of the old one is typing in it. */
  clear(): void {
    this.until.clear();
    this.shown = [];
  }

  typing(id: string, name: string): void {
    this.until.set(id, { name, until: Date.now() + TYPING_SHOWN_MS });
    this.refresh();
  }

  /** Their message arrived: they have stopped typing it. */
  sent(id: string): void {
    this.until.delete(id);
  }

  private refresh(): void {
    const now = Date.now();
    const people = [...this.until].filter(([, entry]) => entry.until > now).map(([id, { name }]) => ({ id, name }));
    if (JSON.stringify(people) === JSON.stringify(this.shown)) return;
    this.shown = people;
    this.onChange(people);
  }
}
