/**
 * The ICE servers the local call engine's browsers use, from `ACS_EMULATOR_ICE_SERVERS`: a JSON
 * array of `RTCIceServer`s (`[{"urls":"turn:192.168.1.5:3478","username":"u","credential":"p"}]`),
 * for calls between machines on a LAN with a TURN server the user runs. Unset, none: browsers on
 * one machine reach each other over host candidates on loopback.
 */
export function iceServersFrom(setting: string | undefined): unknown[] {
  if (setting === undefined || setting.trim() === '') return [];
  let servers: unknown;
  try {
    servers = JSON.parse(setting);
  } catch {
    throw new Error('ACS_EMULATOR_ICE_SERVERS is not JSON: give an array of RTCIceServer objects.');
  }
  if (!Array.isArray(servers) || !servers.every(isIceServer)) {
    throw new Error('ACS_EMULATOR_ICE_SERVERS must be an array of objects with "urls" (a string or strings), and optional "username" and "credential".');
  }
  return servers;
}

function isIceServer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { urls, username, credential } = value as Record<string, unknown>;
  const urlsOk = typeof urls === 'string' || (Array.isArray(urls) && urls.length > 0 && urls.every((url) => typeof url === 'string'));
  return urlsOk && (username === undefined || typeof username === 'string') && (credential === undefined || typeof credential === 'string');
}
