import type { ChatClient } from '@azure/communication-chat';
import type { CommunicationUserIdentifier } from '@azure/communication-common';
import { chatClientFor, identityClient, type AcsConnection } from '../../../server/acs-clients.js';

export interface ChatUser {
  user: CommunicationUserIdentifier;
  chat: ChatClient;
  /** A fresh token for raw requests. */
  token(): Promise<string>;
}

/** Creates identities on the emulator, each with a real ChatClient acting as them. */
export function chatUsers(connection: AcsConnection) {
  const identity = identityClient(connection);
  return async function newUser(): Promise<ChatUser> {
    const user = await identity.createUser();
    return { user, chat: chatClientFor(connection, identity, user), token: async () => (await identity.getToken(user, ['chat'])).token };
  };
}
