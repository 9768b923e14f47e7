/**
 * A stand-in for the token service, for the session tests: `POST /test-api/session` answers a
 * session whose token is an unsigned ACS-shaped JWT. Query parameters script it:
 *   key     groups requests so a test can count its own (`GET /test-api/requests?key=…`)
 *   ttl     seconds until the token expires (default 3600; negative: already expired)
 *   status  answer with this HTTP status instead
 *   body    `not-json` or `no-token` for malformed answers
 *   delay   milliseconds to wait before answering
 */
export function tokenServiceDouble() {
  const requests = new Map();
  return async function tokenService(ctx, next) {
    if (ctx.path === '/test-api/requests') {
      ctx.body = { count: requests.get(ctx.query.key)?.length ?? 0, bodies: requests.get(ctx.query.key) ?? [] };
      return;
    }
    if (ctx.path !== '/test-api/session') return next();
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }
    const key = ctx.query.key ?? '';
    const body = await readBody(ctx.req);
    requests.set(key, [...(requests.get(key) ?? []), body]);
    if (ctx.query.delay) await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.delay)));
    ctx.set('Cache-Control', 'no-store');
    if (ctx.query.status) {
      ctx.status = Number(ctx.query.status);
      ctx.body = { error: { code: 'Scripted', message: 'scripted failure' } };
      return;
    }
    if (ctx.query.body === 'not-json') {
      ctx.type = 'text/html';
      ctx.body = '<html>login page</html>';
      return;
    }
    const userId = `8:acs:test_${key || 'anonymous'}`;
    const ttl = Number(ctx.query.ttl ?? 3600);
    const token = ctx.query.body === 'no-token' ? undefined : testToken(userId, ttl);
    const requested = safeJson(body);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      token,
      expiresOn: new Date(Date.now() + ttl * 1000).toISOString(),
      userId,
      endpoint: 'https://test.communication.azure.com/',
      displayName: requested?.displayName ?? 'Test User',
    });
  };
}

function testToken(userId, ttlSeconds) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    skypeid: userId.replace(/^8:/, ''),
    scp: 1792,
    iat: now,
    exp: now + ttlSeconds,
    acsScope: 'chat,voip',
    resourceId: 'test',
    jti: crypto.randomUUID(),
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
