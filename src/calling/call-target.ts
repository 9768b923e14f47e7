/**
 * Reads `<acs-call>`'s target attributes and refuses malformed ones before anything is loaded, so
 * a wrong attribute is a configuration error at load, the same in every calling engine, instead
 * of a failure after Join (or, in emulator mode, a call ACS itself would refuse).
 *
 * Plain module: no DOM, no SDK (the common SDK's `createIdentifierFromRawId` would load it with
 * the element; the prefixes below are the ones it knows).
 */
import { AcsError } from '../core/errors.js';
import { isE164 } from './e164.js';

/** What `<acs-call>` calls: exactly one of its target attributes. */
export type CallTarget =
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'meeting'; readonly meetingLink: string }
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'people'; readonly callees: readonly string[]; readonly alternateCallerId: string | undefined };

/** The target attributes as the element has them; empty or blank ones name nothing. */
export interface CallTargetAttributes {
  groupId?: string;
  meetingLink?: string;
  roomId?: string;
  callee?: string;
  alternateCallerId?: string;
}

/** ACS group calls are named by a GUID; the service refuses any other id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Room ids are server-generated decimal strings: 9 digits in the first preview
 * (`999126454`), 17 or 18 since (`99117812428622880`, `999058871389949120`, in the Rooms REST
 * API's own examples). Any run of digits of that order is accepted, so a longer id still joins.
 */
const ROOM_ID = /^\d{6,32}$/;

/**
 * The raw-id prefixes of people a call can ring (as `createIdentifierFromRawId` reads them): ACS
 * users (`8:acs:`, its government clouds' and `8:spool:`), Teams users (`8:orgid:`, `8:dod:`,
 * `8:gcch:`, anonymous `8:teamsvisitor:`) and Teams apps (`28:…`). Each is followed by one
 * colon-free id.
 */
const PERSON_RAW_ID = /^(?:8:(?:acs|dod-acs|gcch-acs|spool|orgid|dod|gcch|teamsvisitor)|28:(?:orgid|dod|gcch)):[^:\s]+$/;

/**
 * Hosts that serve Teams meeting links: Teams and Teams for personal use, and the US government
 * and 21Vianet clouds. Links such as `https://teams.microsoft.com/l/meetup-join/…` and
 * `https://teams.microsoft.com/meet/…?p=…` are accepted on any of them.
 */
const TEAMS_HOST = /^(?:teams\.microsoft\.com|teams\.live\.com|(?:gov\.|dod\.)?teams\.microsoft\.us|teams\.microsoftonline\.cn)$/;

/**
 * The call the attributes describe, checked: the first target present wins (group, meeting, room,
 * people). Throws an `AcsError` naming the attribute that is wrong, or `missing-call-target` when
 * there is none and `required`.
 */
export function readCallTarget(attributes: CallTargetAttributes, required: true): CallTarget;
export function readCallTarget(attributes: CallTargetAttributes, required: boolean): CallTarget | undefined;
export function readCallTarget(attributes: CallTargetAttributes, required: boolean): CallTarget | undefined {
  const groupId = attributes.groupId?.trim();
  if (groupId) {
    if (!GUID.test(groupId)) throw new AcsError('invalid-group-id', `group-id "${groupId}" is not a GUID.`);
    return { kind: 'group', groupId };
  }
  const meetingLink = attributes.meetingLink?.trim();
  if (meetingLink) {
    if (!isTeamsMeetingLink(meetingLink)) throw new AcsError('invalid-meeting-link', 'meeting-link must be an https link to a Teams meeting.');
    return { kind: 'meeting', meetingLink };
  }
  const roomId = attributes.roomId?.trim();
  if (roomId) {
    if (!ROOM_ID.test(roomId)) throw new AcsError('invalid-room-id', `room-id "${roomId}" is not an ACS room id (digits).`);
    return { kind: 'room', roomId };
  }
  const callees = (attributes.callee ?? '')
    .split(',')
    .map((callee) => callee.trim())
    .filter(Boolean);
  if (callees.length) {
    const wrong = callees.find((callee) => !isPersonRawId(callee) && !isE164(phoneOf(callee)));
    if (wrong !== undefined) throw new AcsError('invalid-callee', `callee "${wrong}" is not an ACS or Teams raw id, nor an E.164 phone number.`);
    const alternateCallerId = attributes.alternateCallerId?.trim();
    if (callees.some((callee) => !isPersonRawId(callee)) && !isE164(alternateCallerId)) {
      throw new AcsError('missing-caller-id', 'Calling a phone number needs an E.164 alternate-caller-id.');
    }
    return { kind: 'people', callees, alternateCallerId };
  }
  if (required) throw new AcsError('missing-call-target', 'Set group-id, meeting-link, room-id or callee.');
  return undefined;
}

/** A callee that is a person's raw id, not a phone number. */
export function isPersonRawId(callee: string): boolean {
  return PERSON_RAW_ID.test(callee);
}

/** The number of a phone callee, written `+14255550100` or as its raw id `4:+14255550100`. */
export function phoneOf(callee: string): string {
  return callee.replace(/^4:/, '');
}

function isTeamsMeetingLink(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && TEAMS_HOST.test(url.hostname) && url.pathname.length > 1;
  } catch {
    return false;
  }
}
