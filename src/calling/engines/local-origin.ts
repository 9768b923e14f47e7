import { isLoopbackHost } from '../../core/loopback.js';

/**
 * Where the emulator's call signalling is: its endpoint, except that `npm start` names itself
 * `localhost`, which from another machine of the LAN is that machine: a page opened by another
 * name (the server's LAN name, or a TLS proxy in front of it) reaches the emulator by that name.
 */
export function emulatorOrigin(endpoint: string | undefined): string {
  if (!endpoint) return location.origin;
  const url = new URL(endpoint);
  return isLoopbackHost(url.hostname) && !isLoopbackHost(location.hostname) ? location.origin : url.origin;
}
