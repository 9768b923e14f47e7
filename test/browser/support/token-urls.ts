/** Helpers for the token-service double served by the test runner (test/support/token-service-double.mjs). */

let counter = 0;

/** A key no other test uses, so request counts are this test's own. */
export function uniqueKey(label: string): string {
  counter += 1;
  return `${label}-${Date.now()}-${counter}`;
}

export function sessionUrl(key: string, script: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ key, ...Object.fromEntries(Object.entries(script).map(([k, v]) => [k, String(v)])) });
  return `/test-api/session?${query}`;
}

export async function requestsFor(key: string): Promise<{ count: number; bodies: string[] }> {
  const response = await fetch(`/test-api/requests?key=${encodeURIComponent(key)}`);
  return (await response.json()) as { count: number; bodies: string[] };
}
