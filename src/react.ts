/**
 * React components for the three elements (`acs-elements/react`), made with `@lit/react`:
 * properties pass as properties (functions and objects too, e.g. `tokenProvider`) and each
 * `acs-*` event has a typed `on…` prop. Works with React 18 and 19.
 *
 * Importing this module registers the elements, like the package root. It also types the
 * plain tags in JSX (`<acs-chat token-url="/api/session" />`) for React 19's `react-jsx`.
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AcsCall as AcsCallElement } from './call.js';
import { AcsChat as AcsChatElement } from './chat.js';
import type { AcsTheme } from './core/acs-element.js';
import type { AcsEventMap } from './core/events.js';
import { AcsDialpad as AcsDialpadElement } from './dialpad.js';

/** The typed name `@lit/react` needs to give an `on…` prop the event's `detail` type. */
function acsEvent<K extends keyof AcsEventMap>(name: K): EventName<CustomEvent<AcsEventMap[K]>> {
  return name as EventName<CustomEvent<AcsEventMap[K]>>;
}

// Every element fires these (the base element signs in and reports failures).
const baseEvents = {
  onReady: acsEvent('acs-ready'),
  onError: acsEvent('acs-error'),
};

const callEvents = {
  onCallStateChanged: acsEvent('acs-call-state-changed'),
  onCallEnded: acsEvent('acs-call-ended'),
};

/**
 * `<acs-chat>` as a React component: `<AcsChat tokenUrl="/api/session" onMessageSent={(e) => e.detail.messageId} />`.
 * Event props: `onReady`, `onError`, `onMessageSent`, `onMessageReceived`, `onUnreadChanged`, `onConnectionChanged`.
 */
export const AcsChat = createComponent({
  react: React,
  tagName: 'acs-chat',
  elementClass: AcsChatElement,
  displayName: 'AcsChat',
  events: {
    ...baseEvents,
    onMessageSent: acsEvent('acs-message-sent'),
    onMessageReceived: acsEvent('acs-message-received'),
    onUnreadChanged: acsEvent('acs-unread-changed'),
    onConnectionChanged: acsEvent('acs-connection-changed'),
  },
});

/**
 * `<acs-call>` as a React component: `<AcsCall tokenUrl="/api/session" groupId={id} onCallEnded={(e) => e.detail.reason} />`.
 * Event props: `onReady`, `onError`, `onCallStateChanged`, `onCallEnded`, `onIncomingCall`, `onParticipantsChanged`, `onDataReceived`.
 */
export const AcsCall = createComponent({
  react: React,
  tagName: 'acs-call',
  elementClass: AcsCallElement,
  displayName: 'AcsCall',
  events: {
    ...baseEvents,
    ...callEvents,
    onIncomingCall: acsEvent('acs-incoming-call'),
    onParticipantsChanged: acsEvent('acs-participants-changed'),
    onDataReceived: acsEvent('acs-data-received'),
  },
});

/**
 * `<acs-dialpad>` as a React component: `<AcsDialpad tokenUrl="/api/session" onDial={(e) => e.detail.phoneNumber} />`.
 * Event props: `onReady`, `onError`, `onDial`, `onDtmf`, `onCallStateChanged`, `onCallEnded`.
 */
export const AcsDialpad = createComponent({
  react: React,
  tagName: 'acs-dialpad',
  elementClass: AcsDialpadElement,
  displayName: 'AcsDialpad',
  events: {
    ...baseEvents,
    ...callEvents,
    onDial: acsEvent('acs-dial'),
    onDtmf: acsEvent('acs-dtmf'),
  },
});

/** Attributes every element takes, as written in markup. */
export interface AcsElementAttributes {
  'token-url'?: string;
  'token-provider'?: string;
  'display-name'?: string;
  theme?: AcsTheme;
}

/** `<acs-chat>`'s attributes. */
export interface AcsChatAttributes extends AcsElementAttributes {
  endpoint?: string;
  'thread-id'?: string;
  'user-id'?: string;
  'page-size'?: number | string;
}

/** `<acs-call>`'s attributes. */
export interface AcsCallAttributes extends AcsElementAttributes {
  'group-id'?: string;
  'meeting-link'?: string;
  'room-id'?: string;
  callee?: string;
  'alternate-caller-id'?: string;
  camera?: 'on' | 'off';
  microphone?: 'on' | 'off';
  incoming?: boolean;
}

/** `<acs-dialpad>`'s attributes. */
export interface AcsDialpadAttributes extends AcsElementAttributes {
  'alternate-caller-id'?: string;
  'default-country'?: string;
  for?: string;
  'key-tones'?: 'on' | 'off';
}

/** JSX props of a plain tag: React's own HTML props (ref, className, …) plus the element's attributes. */
type IntrinsicProps<E extends HTMLElement, A> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> & A;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'acs-chat': IntrinsicProps<AcsChatElement, AcsChatAttributes>;
      'acs-call': IntrinsicProps<AcsCallElement, AcsCallAttributes>;
      'acs-dialpad': IntrinsicProps<AcsDialpadElement, AcsDialpadAttributes>;
    }
  }
}
