import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateKey, trustProxy } from '../../server/client-address.js';
import { describeRate, parseRate, RateLimiter } from '../../server/rate-limit.js';

test('RATE_LIMIT reads as a count per second, minute or hour; anything else stops the server', () => {
  assert.deepEqual(parseRate('30/min'), { requests: 30, windowMs: 60_000 });
  assert.deepEqual(parseRate('5/s'), { requests: 5, windowMs: 1000 });
  assert.deepEqual(parseRate(' 500 / h '), { requests: 500, windowMs: 3_600_000 });
  assert.deepEqual(parseRate('12'), { requests: 12, windowMs: 60_000 });
  for (const bad of ['', '0/min', '-1', '30/fortnight', 'thirty', '1.5/s']) assert.throws(() => parseRate(bad), /is not a rate/, bad);
  assert.equal(describeRate(parseRate('30/min')), '30 per minute');
});

test('the limiter refuses past the rate with the seconds until its window reopens, then allows again', () => {
  const limiter = new RateLimiter({ requests: 2, windowMs: 10_000 });
  assert.deepEqual(
    [0, 1, 2].map(() => limiter.take('a', 1000)),
    [0, 0, 10],
  );
  assert.equal(limiter.take('b', 1000), 0, 'another key has its own window');
  assert.equal(limiter.take('a', 9500), 2);
  assert.equal(limiter.take('a', 11_000), 0);
});

test('the limiter holds at most maxKeys windows: expired ones go first, then the oldest', () => {
  const limiter = new RateLimiter({ requests: 1, windowMs: 1000 }, 3);
  for (const key of ['a', 'b', 'c', 'd']) limiter.take(key, 0);
  // "a" was forgotten to make room, so it starts a new window; "d" is still counted.
  assert.equal(limiter.take('a', 10), 0);
  assert.equal(limiter.take('d', 10), 1);
});

test('IPv6 clients count per /64, IPv4-mapped ones as IPv4', () => {
  assert.equal(rateKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(rateKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(rateKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(rateKey('::1'), '0:0:0:0::/64');
  assert.equal(rateKey('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(rateKey('203.0.113.9'), '203.0.113.9');
});

test('TRUST_PROXY takes what Express takes, and names a typo', () => {
  const trust = trustProxy('loopback, 10.0.0.0/8');
  assert.equal(trust('127.0.0.1', 0), true);
  assert.equal(trust('10.1.2.3', 0), true);
  assert.equal(trust('192.0.2.1', 0), false);
  assert.equal(trustProxy(undefined)('127.0.0.1', 0), false);
  assert.throws(() => trustProxy('lopback'), /^Error: TRUST_PROXY: /);
});
