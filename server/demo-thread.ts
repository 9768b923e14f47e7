import type { ChatClient, ChatThreadClient } from '@azure/communication-chat';
import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chatClientFor, type AcsConnection } from './acs-clients.js';

export const BOT_DISPLAY_NAME = 'Demo bot';
const TOPIC = 'acs-elements demo';

interface Saved {
  botUserId: string;
  threadId: string;
}

export interface DemoThread {
  threadId: string;
  bot: CommunicationUserIdentifier;
  botChat: ChatClient;
  threadClient: ChatThreadClient;
  /**
   * Adds a user with the whole history shared; a user already there is left alone, so a returning
   * browser (or a server restart) adds no "joined the chat" line. ACS keeps the name a participant
   * was added with ("if participants already exist, no change occurs"); messages carry the name
   * each one was sent under.
   */
  join: (user: CommunicationUserIdentifier, displayName: string) => Promise<string>;
}

/**
 * The demo thread and its bot, created once and remembered in `stateFile` so a restart (and the
 * emulator's own persisted data) keeps them. Gone ones (a wiped emulator) are made again.
 */
export async function openDemoThread(connection: AcsConnection, identity: CommunicationIdentityClient, stateFile: string | undefined): Promise<DemoThread> {
  const saved = stateFile ? readSaved(stateFile) : undefined;
  if (saved) {
    const bot = { communicationUserId: saved.botUserId };
    const botChat = chatClientFor(connection, identity, bot);
    const threadClient = botChat.getChatThreadClient(saved.threadId);
    const stillThere = await threadClient.getProperties().then(
      () => true,
      () => false,
    );
    if (stillThere) return demoThread(saved.threadId, bot, botChat, threadClient, await currentMembers(threadClient));
  }
  const bot = await identity.createUser();
  const botChat = chatClientFor(connection, identity, bot);
  const { chatThread } = await botChat.createChatThread({ topic: TOPIC }, { participants: [{ id: bot, displayName: BOT_DISPLAY_NAME }] });
  // The SDK types the thread as optional; the 201 that answers a successful create always carries it.
  if (!chatThread) throw new Error('ACS returned no chat thread for createChatThread.');
  const threadId = chatThread.id;
  if (stateFile) writeSaved(stateFile, { botUserId: bot.communicationUserId, threadId });
  return demoThread(threadId, bot, botChat, botChat.getChatThreadClient(threadId), new Map([[bot.communicationUserId, Promise.resolve()]]));
}

/** `members`: the request that put each user (by raw id) in the thread; read once when the thread opens, then kept current by `join`. */
function demoThread(
  threadId: string,
  bot: CommunicationUserIdentifier,
  botChat: ChatClient,
  threadClient: ChatThreadClient,
  members: Map<string, Promise<void>>,
): DemoThread {
  return {
    threadId,
    bot,
    botChat,
    threadClient,
    async join(user, displayName) {
      const known = members.get(user.communicationUserId);
      // Two sessions of one new browser arriving together wait for the same request: one join line.
      if (known) {
        await known;
        return threadId;
      }
      const added = threadClient.addParticipants({ participants: [{ id: user, displayName, shareHistoryTime: new Date(0) }] }).then(() => undefined);
      members.set(user.communicationUserId, added);
      try {
        await added;
      } catch (error) {
        // Forget the failed attempt so the next session tries again.
        if (members.get(user.communicationUserId) === added) members.delete(user.communicationUserId);
        throw error;
      }
      return threadId;
    },
  };
}

async function currentMembers(threadClient: ChatThreadClient): Promise<Map<string, Promise<void>>> {
  const members = new Map<string, Promise<void>>();
  for await (const participant of threadClient.listParticipants()) {
    if ('communicationUserId' in participant.id) members.set(participant.id.communicationUserId, Promise.resolve());
  }
  return members;
}

function readSaved(file: string): Saved | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    return typeof saved.botUserId === 'string' && typeof saved.threadId === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: a temporary file renamed over the old one. */
function writeSaved(file: string, saved: Saved): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(saved), { flush: true });
  renameSync(temporary, file);
}
