/**
 * The Content-Security-Policy of the demo pages: the strictest the elements run under, so the demo
 * proves what the README tells a site to send.
 *
 * - `require-trusted-types-for 'script'`: no string reaches an HTML sink without a policy. Lit
 *   renders its templates through its own `lit-html` policy; the chat sanitizer parses messages
 *   through `acs-elements` (src/chat/sanitize.ts). No other name is allowed, so DOMPurify's own
 *   `dompurify` policy, or any script that writes `innerHTML`, is refused and reported.
 * - No `'unsafe-inline'` and no `'unsafe-eval'`: the elements style themselves with constructed
 *   stylesheets and the CDN build removes the chat SDK's `Function(...)` fallback.
 */
export const TRUSTED_TYPES_POLICIES = ['lit-html', 'acs-elements'] as const;

/**
 * What Azure mode adds, from the hosts the ACS SDKs contact: the resource's REST endpoint, chat's
 * real-time notifications (Trouter and its registrar, `*.teams.microsoft.com` /
 * `*.communication.microsoft.com` / `*.skype.com`) and the calling SDK's signalling, relay and
 * telemetry (`*.skype.com`, `*.microsoft.com`). The calling SDK also starts workers from `blob:`
 * URLs and compiles WebAssembly for its audio and video effects.
 */
const AZURE_CONNECT = ['https://*.communication.azure.com', 'https://*.microsoft.com', 'wss://*.microsoft.com', 'https://*.skype.com', 'wss://*.skype.com'];

export function contentSecurityPolicy(mode: 'azure' | 'emulator'): string {
  const azure = mode === 'azure';
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(azure ? ["'wasm-unsafe-eval'"] : [])],
    ['style-src', "'self'"],
    // 'self' covers ws: to this origin too: the emulator's real-time socket.
    ['connect-src', "'self'", ...(azure ? AZURE_CONNECT : [])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ...(azure ? [['worker-src', "'self'", 'blob:'] as [string, ...string[]]] : []),
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', ...TRUSTED_TYPES_POLICIES],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}
