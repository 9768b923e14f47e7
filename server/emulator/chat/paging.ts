import { CHAT_API_VERSION } from './access.js';
import { invalid, LIMITS } from './readers.js';

const DEFAULT_PAGE_SIZE = 20;

/** Pages a list by `maxPageSize` and `skip`, with a relative nextLink that carries the api-version (the SDK follows it as is). */
export function page<T>(items: T[], url: URL, path: string): { value: T[]; nextLink?: string } {
  const size = readPageSize(url.searchParams.get('maxPageSize'));
  const skip = readSkip(url.searchParams.get('skip'));
  const value = items.slice(skip, skip + size);
  if (skip + size >= items.length) return { value };
  const next = new URLSearchParams(url.searchParams);
  next.set('skip', String(skip + size));
  next.set('maxPageSize', String(size));
  next.set('api-version', CHAT_API_VERSION);
  return { value, nextLink: `${path}?${next.toString()}` };
}

export function readPageSize(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSize) throw invalid(`maxPageSize must be from 1 to ${LIMITS.pageSize}.`);
  return size;
}

function readSkip(value: string | null): number {
  const skip = Number(value ?? 0);
  if (!Number.isInteger(skip) || skip < 0) throw invalid('skip must be a whole number.');
  return skip;
}
