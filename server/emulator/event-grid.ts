import { randomUUID } from 'node:crypto';

/** An Event Grid event (Event Grid schema), as Azure delivers ACS chat events to a webhook. */
export interface EventGridEvent {
  id: string;
  topic: string;
  subject: string;
  eventType: string;
  eventTime: string;
  data: Record<string, unknown>;
  dataVersion: string;
  metadataVersion: '1';
}

interface Subscription {
  url: string;
  validated: boolean;
  queue: EventGridEvent[];
  delivering: boolean;
}

const RETRY_DELAYS_MS = [200, 1000, 5000, 15000];

/**
 * Delivers chat events to webhooks the way Event Grid does: a `SubscriptionValidationEvent`
 * handshake first (the endpoint echoes `validationResponse`), then each event POSTed as a
 * one-element array with `aeg-event-type: Notification`, retried with back-off.
 */
export class EventGridPublisher {
  private readonly subscriptions: Subscription[];
  private stopped = false;

  constructor(
    webhooks: readonly string[],
    private readonly topic: string,
  ) {
    this.subscriptions = webhooks.map((url) => ({ url, validated: false, queue: [], delivering: false }));
  }

  /** Starts the handshakes; events published before a webhook validates wait in its queue. */
  start(): void {
    for (const subscription of this.subscriptions) void this.drain(subscription);
  }

  publish(eventType: string, subject: string, data: Record<string, unknown>): void {
    const event: EventGridEvent = {
      id: randomUUID(),
      topic: this.topic,
      subject,
      eventType,
      eventTime: new Date().toISOString(),
      data,
      dataVersion: '1.0',
      metadataVersion: '1',
    };
    for (const subscription of this.subscriptions) {
      subscription.queue.push(event);
      void this.drain(subscription);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(subscription: Subscription): Promise<void> {
    if (subscription.delivering) return;
    subscription.delivering = true;
    try {
      if (!subscription.validated) subscription.validated = await this.withRetries(() => this.validate(subscription.url));
      while (subscription.validated && subscription.queue.length > 0 && !this.stopped) {
        const event = subscription.queue[0];
        const delivered = await this.withRetries(() => this.post(subscription.url, 'Notification', [event]).then((response) => response.ok));
        if (!delivered) console.warn(`Event Grid emulation: dropped ${event.eventType} for ${subscription.url} after retries.`);
        subscription.queue.shift();
      }
    } finally {
      subscription.delivering = false;
    }
  }

  private async validate(url: string): Promise<boolean> {
    const validationCode = randomUUID();
    const response = await this.post(url, 'SubscriptionValidation', [
      {
        id: randomUUID(),
        topic: this.topic,
        subject: '',
        eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
        eventTime: new Date().toISOString(),
        data: { validationCode, validationUrl: '' },
        dataVersion: '2',
        metadataVersion: '1',
      },
    ]);
    if (!response.ok) return false;
    const body = (await response.json().catch(() => ({}))) as { validationResponse?: string };
    return body.validationResponse === validationCode;
  }

  private post(url: string, eventType: string, events: EventGridEvent[]): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'aeg-event-type': eventType },
      body: JSON.stringify(events),
      signal: AbortSignal.timeout(10000),
    });
  }

  private async withRetries(attempt: () => Promise<boolean>): Promise<boolean> {
    for (let index = 0; ; index += 1) {
      if (this.stopped) return false;
      const ok = await attempt().catch(() => false);
      if (ok || index >= RETRY_DELAYS_MS.length) return ok;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[index]).unref());
    }
  }
}
