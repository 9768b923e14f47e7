// What every bench page shares with the elements: the session JSON from the repository's token
// service (`POST /api/session`, as `token-url` posts it) and, for the local emulator, the chat SDK
// pointed at the https form of the endpoint (the SDK sends a bearer token only over https) with a
// policy that puts the request back on plain http, as the server's own chat clients do.

export async function readSession() {
  const response = await fetch('/api/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: 'Bench' }),
  });
  if (!response.ok) throw new Error(`POST /api/session answered ${response.status}`);
  return response.json();
}

const plainHttpOnLoopback = {
  name: 'benchPlainHttpOnLoopback',
  sendRequest(request, next) {
    request.url = request.url.replace(/^https:/, 'http:');
    request.allowInsecureConnection = true;
    return next(request);
  },
};

/** The chat SDK's endpoint and options for `session` (unchanged for an Azure session). */
export function chatSdkSettings(session) {
  if (!session.emulator) return { endpoint: session.endpoint, options: {} };
  const options = { additionalPolicies: [{ policy: plainHttpOnLoopback, position: 'perRetry' }] };
  // The SDK hands `signalingClientOptions` to its real-time client's configuration request.
  return { endpoint: session.endpoint.replace(/^http:/, 'https:'), options: { ...options, signalingClientOptions: options } };
}

/** The group call both call pages join: any fixed id (the call is never started). */
export const GROUP_ID = '0c6b1f3a-2d4e-4f5a-8b9c-0d1e2f3a4b5c';
