import { createIdentifierFromRawId, getIdentifierRawId } from '@azure/communication-common';
import { HttpError } from '../../http.js';
import type { Participant, RetentionPolicy } from '../state.js';

/** ACS limits that the SDK surfaces as 4xx errors. */
export const LIMITS = { messageBytes: 28 * 1024, topicLength: 256, displayNameLength: 256, participantsPerRequest: 200, pageSize: 200 } as const;

export function invalid(message: string): HttpError {
  return new HttpError(400, 'InvalidRequest', message);
}

export function readTopic(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw invalid('topic is required.');
  if (value.length > LIMITS.topicLength) throw invalid(`topic is longer than ${LIMITS.topicLength} characters.`);
  return value;
}

export function readContent(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid('content is required.');
  if (Buffer.byteLength(value, 'utf8') > LIMITS.messageBytes) {
    throw new HttpError(413, 'MessageTooLarge', `A message may be at most ${LIMITS.messageBytes} bytes.`);
  }
  return value;
}

export function readDisplayName(value: unknown): string {
  if (typeof value !== 'string' || value.length > LIMITS.displayNameLength)
    throw invalid(`A display name is a string of at most ${LIMITS.displayNameLength} characters.`);
  return value;
}

export function readMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('metadata is an object of strings.');
  const entries = Object.entries(value);
  if (!entries.every(([, each]) => typeof each === 'string')) throw invalid('metadata is an object of strings.');
  return Object.fromEntries(entries);
}

export function readRetention(value: unknown): RetentionPolicy {
  const policy = fieldsOf(value);
  if (policy.kind === 'none') return { kind: 'none' };
  const days = policy.deleteThreadAfterDays;
  if (policy.kind === 'threadCreationDate' && typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 90) {
    return { kind: 'threadCreationDate', deleteThreadAfterDays: days };
  }
  throw invalid('retentionPolicy is {kind:"none"} or {kind:"threadCreationDate", deleteThreadAfterDays: 1–90}.');
}

/**
 * The fields of a request body's object, each still to be checked; anything else (null, a string,
 * a number) has none of the fields asked for, so reads as an object without them.
 */
function fieldsOf(value: unknown): Partial<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? value : {};
}

export function readList(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${name} must be a list.`);
  if (value.length > LIMITS.participantsPerRequest) throw invalid(`At most ${LIMITS.participantsPerRequest} ${name} per request.`);
  return value;
}

export function readIdentifier(value: unknown): string {
  const model = fieldsOf(value);
  const rawId = typeof model.rawId === 'string' ? model.rawId : fieldsOf(model.communicationUser).id;
  if (typeof rawId !== 'string' || !rawId) throw invalid('A communication identifier needs a rawId.');
  return getIdentifierRawId(createIdentifierFromRawId(rawId));
}

export function readParticipant(value: unknown): Participant {
  const input = fieldsOf(value);
  const shareHistoryTime = readTime(input.shareHistoryTime ?? null);
  return {
    rawId: readIdentifier(input.communicationIdentifier),
    ...(input.displayName !== undefined && { displayName: readDisplayName(input.displayName) }),
    ...(shareHistoryTime && { shareHistoryTime }),
    ...(input.metadata !== undefined && { metadata: readMetadata(input.metadata) }),
  };
}

export function readTime(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message quotes what was sent, as sent: an object reads "[object Object]"
  if (Number.isNaN(time)) throw invalid(`${String(value)} is not an RFC 3339 time.`);
  return new Date(time).toISOString();
}

export function readSequence(value: string | null): number {
  if (value === null) return Number.POSITIVE_INFINITY;
  const sequence = Number(value);
  if (!Number.isInteger(sequence) || sequence < 0) throw invalid('before must be a sequence id.');
  return sequence;
}
