// HubSpot signatures v3: the helper matches HubSpot's documented algorithm on fixed vectors,
// and the backend refuses, with 401 and a log line saying why, anything unsigned, tampered,
// signed with another secret, or stale.
import { createHmac } from 'node:crypto';
import {
  MAX_SKEW_MS,
  checkSignature,
  computeSignatureV3,
  signRequest,
  uriForSignature,
} from '../../src/server/hubspot-signature';
import {
  type Harness,
  NOW,
  SECRET,
  recordsOf,
  stageChangeEvent,
  startHarness,
} from './helpers/backend-harness';

const DOC_SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const DOC_BODY = '{"example_field":"example_value"}';
const TIMESTAMP = 1_700_000_000_000;

describe('the v3 signature', () => {
  it('matches a vector computed by hand from the documented algorithm', () => {
    // base64(HMAC-SHA256(secret, method + uri + body + timestamp)), computed with openssl.
    const expected = 'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=';
    const byHand = createHmac('sha256', DOC_SECRET)
      .update(`POSThttps://www.example.com/webhook_uri${DOC_BODY}${TIMESTAMP}`)
      .digest('base64');
    expect(byHand).toBe(expected);
    expect(
      signRequest({
        clientSecret: DOC_SECRET,
        method: 'POST',
        url: 'https://www.example.com/webhook_uri',
        body: DOC_BODY,
        timestamp: TIMESTAMP,
      }),
    ).toEqual({
      'X-HubSpot-Signature-v3': expected,
      'X-HubSpot-Request-Timestamp': String(TIMESTAMP),
    });
  });

  it("decodes the characters of HubSpot's table in the URI, and only those", () => {
    expect(
      uriForSignature('https://x.test/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm'),
    ).toBe("https://x.test/a:b/c?d@e!f$g'h(i)j*k,l;m");
    expect(uriForSignature('https://x.test/?q=a%20b%26c%3a')).toBe('https://x.test/?q=a%20b%26c:');
    const encoded =
      'https://www.example.com/api/deals/1/handoff?portalId=62515&userId=1' +
      '&userEmail=ae%40lumenstack.example&note=a%3Ab%2Fc%28d%29';
    expect(
      computeSignatureV3({
        clientSecret: DOC_SECRET,
        method: 'get',
        url: encoded,
        timestamp: TIMESTAMP,
      }),
    ).toBe('lC8HCbwfrNtqTvfccVR8Weri9cJovKsq0fpNzrL8j+A=');
  });

  it('accepts the signed request within five minutes either way, and not beyond', () => {
    const request = (timestamp: number) => ({
      method: 'POST',
      url: 'https://baton.test/hubspot/webhooks',
      body: new TextEncoder().encode(DOC_BODY),
      ...lowercase(
        signRequest({
          clientSecret: SECRET,
          method: 'POST',
          url: 'https://baton.test/hubspot/webhooks',
          body: DOC_BODY,
          timestamp,
        }),
      ),
    });
    expect(checkSignature(request(NOW - MAX_SKEW_MS), SECRET, NOW)).toEqual({ ok: true });
    expect(checkSignature(request(NOW + MAX_SKEW_MS), SECRET, NOW)).toEqual({ ok: true });
    expect(checkSignature(request(NOW - MAX_SKEW_MS - 1), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'request timestamp is more than 5 minutes old',
    });
    expect(checkSignature(request(NOW + MAX_SKEW_MS + 1), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'request timestamp is more than 5 minutes in the future',
    });
  });

  it('refuses a signature of another length without throwing', () => {
    expect(
      checkSignature(
        {
          method: 'GET',
          url: 'https://b.test/',
          body: new Uint8Array(),
          signature: 'short',
          timestamp: String(NOW),
        },
        SECRET,
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'signature does not match the request' });
  });
});

function lowercase(headers: Record<string, string>) {
  return {
    signature: headers['X-HubSpot-Signature-v3'],
    timestamp: headers['X-HubSpot-Request-Timestamp'],
  };
}

describe('the backend refuses unverified requests', () => {
  let harness: Harness;
  let dealId: string;

  beforeAll(async () => {
    harness = await startHarness();
    [dealId] = (await harness.closedWonDeals(1)) as [string];
  });

  afterAll(async () => {
    await harness.close();
  });

  const refusals: [string, () => Promise<Response>, string][] = [
    [
      'that is unsigned',
      () =>
        fetch(`${harness.backend.url}/hubspot/webhooks`, {
          method: 'POST',
          body: JSON.stringify([stageChangeEvent(harness, dealId)]),
        }),
      'missing X-HubSpot-Signature-v3 header',
    ],
    [
      'whose body was tampered with',
      () =>
        harness.request('POST', '/hubspot/webhooks', {
          body: [stageChangeEvent(harness, dealId)],
          sentBody: JSON.stringify([stageChangeEvent(harness, dealId, { eventId: 123 })]),
        }),
      'signature does not match the request',
    ],
    [
      'signed with another secret',
      () =>
        harness.request('POST', '/hubspot/webhooks', {
          body: [stageChangeEvent(harness, dealId)],
          secret: 'not-our-secret',
        }),
      'signature does not match the request',
    ],
    [
      'that is stale',
      () =>
        harness.request('POST', '/hubspot/webhooks', {
          body: [stageChangeEvent(harness, dealId)],
          timestamp: NOW - MAX_SKEW_MS - 1_000,
        }),
      'request timestamp is more than 5 minutes old',
    ],
    [
      'signed for another URL',
      () =>
        harness.request(
          'GET',
          `/api/deals/${dealId}/handoff?portalId=${harness.portalId}&userId=1`,
          {
            headers: signRequest({
              clientSecret: SECRET,
              method: 'GET',
              url: `${harness.backend.url}/api/deals/${dealId}/handoff?portalId=${harness.portalId}&userId=1`,
              timestamp: NOW,
            }),
          },
        ),
      'signature does not match the request',
    ],
  ];

  it.each(refusals)(
    'refuses a request %s with 401, says why, and does nothing',
    async (_, send, reason) => {
      const logged = harness.logs.length;
      const response = await send();
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        status: 'error',
        code: 'unauthorized',
        message: reason,
      });
      const line = harness.logs
        .slice(logged)
        .find((l) => l.msg === 'refused an unverified HubSpot request');
      expect(line).toMatchObject({ reason });
      await harness.drain();
      expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 0, tasks: 0 });
    },
  );

  it('never logs the secret, a signature or the user email', async () => {
    await harness.request(
      'GET',
      `/api/deals/${dealId}/handoff?portalId=${harness.portalId}&userId=1&userEmail=someone%40lumenstack.example`,
      {
        secret: 'not-our-secret',
      },
    );
    const text = JSON.stringify(harness.logs);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('not-our-secret');
    expect(text).not.toContain('someone');
    expect(text).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });

  it('refuses unsigned card and workflow action requests too', async () => {
    for (const path of [
      `/api/deals/${dealId}/handoff?portalId=${harness.portalId}&userId=1`,
      '/hubspot/actions/start-handoff',
    ]) {
      const response = await fetch(harness.backend.url + path, {
        method: path.startsWith('/api') ? 'GET' : 'POST',
      });
      expect(response.status).toBe(401);
    }
  });

  it('answers the health check unsigned', async () => {
    const response = await fetch(`${harness.backend.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'pglite',
      jobs: { pending: 0, running: 0, done: 0, dead: 0 },
    });
  });
});
