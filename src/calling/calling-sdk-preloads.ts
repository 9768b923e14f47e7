/**
 * The URLs of the calling SDK's code, for a `modulepreload` hint. Only the CDN build knows them (its
 * chunk names carry a hash) and fills this list in (`rollup.config.mjs`); elsewhere it is empty and
 * the app's own bundler decides how the SDK arrives.
 */
export const callingSdkPreloads: readonly string[] = [];
