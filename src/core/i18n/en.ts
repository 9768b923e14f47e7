import type { AcsStrings } from './strings.js';

export const en: AcsStrings = {
  connecting: 'Connecting…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  signedInAs: 'Signed in as {name}',
  errors: {
    'missing-token-source': 'This element cannot sign in: give it a token-url or a token-provider.',
    'token-url-failed': 'The sign-in service could not be reached or refused the request.',
    'token-provider-not-found': 'The sign-in function named in token-provider does not exist on this page.',
    'token-provider-failed': 'The sign-in function failed to provide an access token.',
    'invalid-token': 'The sign-in service returned something that is not a valid access token.',
    'token-expired': 'The access token had already expired. Sign in again.',
    'invalid-session': 'The sign-in service returned an incomplete session.',
    'sdk-load-failed': 'Part of this component could not be downloaded. Check your connection and try again.',
    network: 'The connection failed. Check your network and try again.',
    'permission-denied': 'Access to the camera or microphone was denied. Allow it in your browser’s site settings.',
    'invalid-phone-number': 'That is not a valid phone number.',
    'missing-caller-id': 'Phone calls are not set up: a caller ID (alternate-caller-id) is missing or invalid.',
    unknown: 'Something unexpected happened. Try again.',
  },
  chat: { label: 'Chat' },
  call: { label: 'Call' },
  dialpad: { label: 'Dial pad' },
};
