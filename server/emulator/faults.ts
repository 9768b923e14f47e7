import { ServerResponse, type IncomingMessage } from 'node:http';
import { HttpError, sendError, sendJson, type Router } from '../http.js';
import type { FaultKind, FaultRule } from './fault-rule.js';

interface ArmedRule extends FaultRule {
  pattern: RegExp | undefined;
  left: number;
}

const KINDS = new Set<FaultKind>(['delay', 'fail-before', 'fail-after', 'throttle', 'unauthorized', 'reset-before', 'reset-after', 'drop-streams', 'restart']);

/** The emulator's live connections, as far as faults need them. */
export interface FaultTarget {
  dropStreams(userId?: string): void;
}

/**
 * Test-only fault injection, so that each hostile condition the elements must survive is a
 * test rather than an anecdote. Off unless the emulator is started with it (`ACS_EMULATOR_FAULTS=1`).
 */
export class FaultInjector {
  private readonly rules: ArmedRule[] = [];
  private downUntil = 0;

  constructor(private readonly target: FaultTarget) {}

  /** `POST /emulator/faults` arms rules (one or a list); `DELETE /emulator/faults` disarms them all. */
  register(router: Router): void {
    router.add('POST', /^\/emulator\/faults$/, ({ response, body }) => {
      const rules = parseRules(body.toString('utf8'));
      for (const rule of rules) this.arm(rule);
      sendJson(response, 201, { armed: rules.length });
    });
    router.add('DELETE', /^\/emulator\/faults$/, ({ response }) => {
      this.rules.length = 0;
      this.downUntil = 0;
      response.writeHead(204).end();
    });
  }

  /**
   * Runs `handle` for a request as the armed rules say. The fault routes themselves are never
   * faulted, so a test can always disarm.
   */
  async apply(request: IncomingMessage, response: ServerResponse, path: string, handle: (response: ServerResponse) => Promise<void>): Promise<void> {
    if (path === '/emulator/faults') {
      await handle(response);
      return;
    }
    if (Date.now() < this.downUntil) {
      request.socket.destroy();
      return;
    }
    const rule = this.take(request.method ?? 'GET', path);
    switch (rule?.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 1000));
        await handle(response);
        break;
      case 'fail-before':
        sendError(response, new HttpError(rule.status ?? 500, 'InternalServerError', 'Injected fault: the request was not processed.'));
        break;
      case 'throttle':
        sendError(
          response,
          new HttpError(429, 'TooManyRequests', 'Injected fault: too many requests.', { 'Retry-After': String(rule.retryAfterSeconds ?? 1) }),
        );
        break;
      case 'unauthorized':
        sendError(response, new HttpError(401, 'InvalidAuthenticationToken', 'Injected fault: the access token is not accepted.'));
        break;
      case 'reset-before':
        request.socket.destroy();
        break;
      case 'fail-after':
      case 'reset-after':
        // The work is done and its answer thrown away.
        await handle(new ServerResponse(request));
        if (rule.kind === 'fail-after') {
          sendError(response, new HttpError(rule.status ?? 500, 'InternalServerError', 'Injected fault: the request was processed, the answer lost.'));
        } else {
          response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '64' });
          response.write('{"id":', () => request.socket.destroy());
        }
        break;
      default:
        await handle(response);
    }
  }

  private arm(rule: FaultRule): void {
    if (rule.kind === 'drop-streams' || rule.kind === 'restart') {
      this.target.dropStreams(rule.userId);
      if (rule.kind === 'restart') this.downUntil = Date.now() + (rule.downMs ?? 1000);
      return;
    }
    this.rules.push({ ...rule, pattern: rule.path === undefined ? undefined : new RegExp(rule.path), left: rule.times ?? 1 });
  }

  private take(method: string, path: string): ArmedRule | undefined {
    const index = this.rules.findIndex((rule) => (!rule.method || rule.method === method) && (!rule.pattern || rule.pattern.test(path)));
    if (index === -1) return undefined;
    const rule = this.rules[index];
    rule.left -= 1;
    if (rule.left <= 0) this.rules.splice(index, 1);
    return rule;
  }
}

function parseRules(body: string): FaultRule[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'InvalidRequest', 'The body must be a fault rule or a list of them, as JSON.');
  }
  const rules = Array.isArray(value) ? (value as unknown[]) : [value];
  for (const rule of rules) {
    if (typeof rule !== 'object' || rule === null || !KINDS.has((rule as FaultRule).kind)) {
      throw new HttpError(400, 'InvalidRequest', `Unknown fault kind in ${JSON.stringify(rule)}. Known: ${[...KINDS].join(', ')}.`);
    }
    const { path } = rule as FaultRule;
    if (path !== undefined) {
      try {
        new RegExp(path);
      } catch {
        throw new HttpError(400, 'InvalidRequest', `The fault path is not a regular expression: ${path}`);
      }
    }
  }
  return rules as FaultRule[];
}
