import { expect } from '@open-wc/testing';
import type { ChatMessage } from '@azure/communication-chat';
import type { ChatThreadClientLike } from '../../src/chat/chat-client.js';
import { History } from '../../src/chat/history.js';
import { FakeChatClient } from '../../src/testing/index.js';

const ana = { id: '8:acs:ana', displayName: 'Ana' };

/** A history over a fake thread of `count` messages, with a clock the test moves and every page request counted. */
function historyOf(count: number, pageSize = 20) {
  const chat = new FakeChatClient({ participants: [ana], history: count });
  const clock = { now: 0 };
  const requests = { count: 0 };
  const latency = chat.latency.bind(chat);
  chat.latency = () => {
    requests.count += 1;
    return latency();
  };
  const thread = chat.getChatThreadClient(chat.threadId) as ChatThreadClientLike;
  const history = new History(
    thread,
    pageSize,
    (message: ChatMessage) => ({ id: message.id, content: message.content?.message }) as never,
    () => clock.now,
  );
  return { history, clock, requests, thread };
}

/** Sizes of the pages a reader gets who asks for the next one `gapMs` after the last came (time enough for the next to come). */
async function pageSizes(history: History, clock: { now: number }, gapMs: number, pages: number): Promise<number[]> {
  const sizes = [(await history.older()).length];
  for (let index = 1; index < pages; index += 1) {
    await pageArrived();
    clock.now += gapMs;
    sizes.push((await history.older()).length);
  }
  return sizes;
}

/** Time for a page on its way to come (the fake answers after a zero timeout). */
function pageArrived(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

describe('History: reading back through a thread', () => {
  it('doubles the page size while the reader scrolls fast, up to ACS largest page', async () => {
    const { history, clock } = historyOf(3000);
    // Each ask sizes the page after the one already on its way.
    expect(await pageSizes(history, clock, 200, 8)).to.deep.equal([20, 40, 40, 80, 160, 200, 200, 200]);
  });

  it('keeps small pages for a slow reader, and starts small again after a pause', async () => {
    const { history, clock } = historyOf(3000);
    expect(await pageSizes(history, clock, 5000, 4)).to.deep.equal([20, 20, 20, 20]);
    expect(await pageSizes(history, clock, 200, 3)).to.deep.equal([20, 40, 80]);
    await pageArrived();
    clock.now += 30_000;
    // The page on its way was sized before the pause; the one after it is small again.
    expect((await history.older()).length).to.equal(160);
    await pageArrived();
    clock.now += 5000;
    expect((await history.older()).length).to.equal(20);
  });

  it('grows the pages when the reader has to wait for the one on its way', async () => {
    const { history, clock } = historyOf(3000);
    await pageSizes(history, clock, 5000, 3);
    clock.now += 5000;
    // Asked before the page on its way arrived (no time for it to come): the reader is faster than the network.
    expect((await history.older()).length).to.equal(20);
    clock.now += 5000;
    expect((await history.older()).length).to.equal(40);
  });

  it('has the next page on its way before the reader asks for it', async () => {
    const { history, clock, requests } = historyOf(3000);
    await pageSizes(history, clock, 5000, 2);
    await pageArrived();
    const before = requests.count;
    clock.now += 5000;
    await history.older();
    expect(requests.count - before, 'the page was already there: only the one after it was asked for').to.equal(1);
  });

  it('walks from the newest message to the first once, with nothing repeated or missed', async () => {
    const { history, clock } = historyOf(1234);
    const ids: unknown[] = [];
    for (let page = await history.older(); page.length > 0; page = await history.older()) {
      ids.push(...page.map((message) => message.id));
      clock.now += 100;
    }
    expect(ids).to.have.length(1234);
    expect(new Set(ids).size).to.equal(1234);
    expect(history.olderAvailable([])).to.equal(false);
  });

  it('asks again from the same place after a failed page', async () => {
    const { history, clock, thread } = historyOf(100);
    await pageSizes(history, clock, 5000, 2);
    const listMessages = thread.listMessages.bind(thread);
    let failures = 1;
    thread.listMessages = (options) => {
      if (failures-- > 0) throw new Error('offline');
      return listMessages(options);
    };
    // The page on its way was asked before the failure; the one after it fails.
    clock.now += 5000;
    await history.older();
    clock.now += 5000;
    await history.older().then(
      () => expect.fail('the failed page was not reported'),
      (error: unknown) => expect(String(error)).to.include('offline'),
    );
    const rest: unknown[] = [];
    for (let page = await history.older(); page.length > 0; page = await history.older()) rest.push(...page.map((message) => message.id));
    expect(rest).to.have.length(100 - 60);
  });
});
