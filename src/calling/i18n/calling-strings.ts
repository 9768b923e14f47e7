import type { SharedStrings } from '../../core/i18n/strings.js';

/** The `call` strings the dial pad shows too: the call button before the agent exists, the timer, why a call ended. */
export interface CallingStrings {
  /** The join button, before the call agent exists. */
  gettingReady: string;
  /** Accessible name of the call timer. */
  duration: string;
  endHungUp: string;
  /** The other side of a one-to-one or phone call hung up. */
  endRemoteHungUp: string;
  endDeclined: string;
  endNoAnswer: string;
  endBusy: string;
  endRemoved: string;
  endNetwork: string;
  endNotReachable: string;
  endNotAllowed: string;
  endFailed: string;
  /** A call between browsers in the emulator already holds the most it can. */
  endRoomFull: string;
}

/** The `call` group of the tables: these, plus `<acs-call>`'s own strings (added in `call/i18n/`). */
export interface CallStrings extends CallingStrings {}

declare module '../../core/i18n/strings.js' {
  interface AcsStrings {
    call: CallStrings;
  }
}

/** What every calling element shows. */
export type CallingTable = SharedStrings & { call: CallingStrings };
