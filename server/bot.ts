import type { ChatClient } from '@azure/communication-chat';
import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendEmpty, sendError, sendJson } from './http.js';

const HELP = ['I answer in this thread. Try:', '• "hello" — a greeting', '• "help" — this text', '• anything else — I echo it back'].join('\n');

/** What the demo bot says to a message; undefined when it stays silent. */
export function replyTo(text: string, senderName: string): string | undefined {
  const message = text.trim();
  if (!message) return undefined;
  if (/^(hi|hello|hey|hallo|ciao|hola|bonjour|olá)\b/i.test(message)) {
    return `Hello ${senderName || 'there'}! I'm the demo bot. Type "help" to see what I can do.`;
  }
  if (/^(help|\?|\/help)$/i.test(message)) return HELP;
  return `You said: ${message}`;
}

interface ChatMessageReceivedData {
  threadId: string;
  messageId: string;
  messageBody?: string;
  type: string;
  senderDisplayName?: string;
  senderCommunicationIdentifier: { rawId: string };
}

export interface BotOptions {
  bot: CommunicationUserIdentifier;
  chat: ChatClient;
  /** The threads the bot answers in (Event Grid sends the events of every thread of the resource). */
  threadIds: readonly string[];
  /** When set, webhook calls must carry `?key=<webhookKey>` (as an Event Grid subscription URL can). */
  webhookKey?: string | undefined;
}

/**
 * `POST /api/events`: an Event Grid webhook. Answers the subscription validation handshake and
 * replies, as the bot, to chat messages in threads it belongs to. The same code serves Azure's
 * Event Grid and the emulator's deliveries.
 */
export function createBot(options: BotOptions) {
  const botRawId = options.bot.communicationUserId;

  const reply = async (data: ChatMessageReceivedData) => {
    if (!options.threadIds.includes(data.threadId)) return;
    if (data.senderCommunicationIdentifier.rawId === botRawId || (data.type !== 'text' && data.type !== 'html')) return;
    const text = data.type === 'html' ? (data.messageBody ?? '').replace(/<[^>]*>/g, ' ') : (data.messageBody ?? '');
    const answer = replyTo(text, data.senderDisplayName ?? '');
    if (!answer) return;
    await options.chat.getChatThreadClient(data.threadId).sendMessage({ content: answer }, { senderDisplayName: 'Demo bot' });
  };

  return async function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    try {
      if (request.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'Use POST.');
      if (options.webhookKey && url.searchParams.get('key') !== options.webhookKey) throw new HttpError(401, 'Unauthorized', 'Unknown webhook key.');
      const events = JSON.parse((await readBody(request)).toString('utf8') || '[]') as { eventType: string; data: Record<string, unknown> }[];
      if (!Array.isArray(events)) throw new HttpError(400, 'InvalidRequest', 'Expected an array of Event Grid events.');
      const validation = events.find((event) => event.eventType === 'Microsoft.EventGrid.SubscriptionValidationEvent');
      if (validation) {
        sendJson(response, 200, { validationResponse: validation.data.validationCode });
        return;
      }
      sendEmpty(response, 200);
      for (const event of events) {
        if (event.eventType !== 'Microsoft.Communication.ChatMessageReceivedInThread') continue;
        reply(event.data as unknown as ChatMessageReceivedData).catch((error: unknown) => console.warn('Demo bot could not reply:', (error as Error).message));
      }
    } catch (error) {
      sendError(response, error instanceof SyntaxError ? new HttpError(400, 'InvalidRequest', 'The body is not JSON.') : error);
    }
  };
}
