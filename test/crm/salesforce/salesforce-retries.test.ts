// The retry policy of Salesforce calls: what is worth retrying, for how long, and what a write
// that is not idempotent may be retried after; and the counting of calls and attempts.
import { SalesforceCalls } from '../../../src/crm/salesforce/salesforce-calls';
import {
  SalesforceHttpError,
  classifySalesforceError,
  isAmbiguousFailure,
  retryAfterMs,
  retryableError,
} from '../../../src/crm/salesforce/salesforce-retries';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const OPTIONS = { baseDelayMs: 100, maxDelayMs: 10_000 };

const http = (status: number, errorCode: string | null = null, detail: string | null = null) =>
  new SalesforceHttpError(status, errorCode, null, detail, 'GET /services/data/v66.0/query');

/** What undici throws when the peer resets the connection. */
const reset = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    }),
  });
const refused = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores what is neither', () => {
    expect(retryAfterMs('2', NOW)).toBe(2000);
    expect(retryAfterMs('Mon, 23 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs('-1', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });
});

describe('retryableError', () => {
  const query = {
    method: 'GET' as const,
    url: "https://acme.my.salesforce.com/services/data/v66.0/query?q=SELECT+Id+FROM+Contact+WHERE+LastName+%3D+'O%5C'Brien'",
  };
  const response = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

  it('keeps the status, Salesforce’s error code and Retry-After, and leaves the query out', () => {
    const error = retryableError(
      query,
      response(503, '[{"errorCode":"SERVER_UNAVAILABLE","message":"try later"}]', {
        'retry-after': '3',
      }),
    );
    expect(error).toMatchObject({
      status: 503,
      errorCode: 'SERVER_UNAVAILABLE',
      retryAfterMs: 3000,
    });
    expect(error?.message).toBe(
      'Salesforce answered HTTP 503 SERVER_UNAVAILABLE to GET /services/data/v66.0/query (try later)',
    );
  });

  it("reads a gateway's HTML page as a bare status", () => {
    const error = retryableError(query, {
      statusCode: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad Gateway</html>',
    });
    expect(error).toMatchObject({ status: 502, errorCode: null, detail: null });
  });

  it('leaves every other answer to jsforce: success, 400, 404, a 403 that is no limit', () => {
    expect(retryableError(query, response(200, '{}'))).toBeNull();
    expect(retryableError(query, response(400, '[{"errorCode":"MALFORMED_QUERY"}]'))).toBeNull();
    expect(retryableError(query, response(404, '[{"errorCode":"NOT_FOUND"}]'))).toBeNull();
    expect(
      retryableError(query, response(403, '[{"errorCode":"INSUFFICIENT_ACCESS"}]')),
    ).toBeNull();
    expect(
      retryableError(query, response(403, '[{"errorCode":"REQUEST_LIMIT_EXCEEDED"}]')),
    ).toMatchObject({ status: 403, errorCode: 'REQUEST_LIMIT_EXCEEDED' });
  });
});

describe('classifySalesforceError', () => {
  const idempotent = classifySalesforceError(OPTIONS, true);
  const create = classifySalesforceError(OPTIONS, false);

  it('retries throttling for every call: Salesforce refused before doing anything', () => {
    for (const error of [
      http(429),
      http(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'),
      refused(),
    ]) {
      expect(idempotent(error, 1)).toMatchObject({ retry: true });
      expect(create(error, 1)).toMatchObject({ retry: true });
    }
  });

  it('retries 5xx errors and resets only for idempotent calls: a create may have landed', () => {
    for (const error of [http(500), http(502), http(503), http(504), reset()]) {
      expect(idempotent(error, 1)).toMatchObject({ retry: true });
      expect(create(error, 1)).toEqual({ retry: false });
      expect(isAmbiguousFailure(error)).toBe(true);
    }
    expect(isAmbiguousFailure(http(429))).toBe(false);
    expect(isAmbiguousFailure(refused())).toBe(false);
  });

  it('does not wait out the daily request total, or retry what no wait would fix', () => {
    expect(
      idempotent(http(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), 1),
    ).toEqual({ retry: false });
    for (const error of [http(400), new Error('INVALID_FIELD'), null, 'text'])
      expect(idempotent(error, 1)).toEqual({ retry: false });
  });

  it('backs off exponentially with jitter, capped, and waits at least what Retry-After asks', () => {
    for (const attempt of [1, 2, 3, 4]) {
      const decision = idempotent(http(503), attempt);
      const exponential = 100 * 2 ** (attempt - 1);
      expect(decision.retry && decision.delayMs).toBeGreaterThanOrEqual(exponential / 2);
      expect(decision.retry && decision.delayMs).toBeLessThanOrEqual(exponential);
    }
    const late = idempotent(http(503), 20);
    expect(late.retry && late.delayMs).toBeLessThanOrEqual(10_000);
    const asked = new SalesforceHttpError(429, null, 3000, null, 'GET /x');
    expect(idempotent(asked, 1)).toMatchObject({ retry: true, delayMs: 3000 });
    const tooLong = new SalesforceHttpError(429, null, 60_000, null, 'GET /x');
    expect(idempotent(tooLong, 1)).toEqual({ retry: false });
  });
});

describe('SalesforceCalls', () => {
  it('counts one call and every attempt, logs each retry without the error, and gives up', async () => {
    const warnings: unknown[] = [];
    const calls = new SalesforceCalls(
      { retries: 2, baseDelayMs: 1, maxDelayMs: 5, sleep: () => Promise.resolve() },
      { warn: (message, fields) => warnings.push({ message, fields }) },
    );
    let tries = 0;
    await expect(
      calls.run('read:deal', async () => {
        tries++;
        throw http(503, 'SERVER_UNAVAILABLE', 'secret-looking detail');
      }),
    ).rejects.toBeInstanceOf(SalesforceHttpError);
    expect(tries).toBe(3);
    expect(calls.counter.snapshot()).toMatchObject({
      calls: 1,
      attempts: 3,
      byLabel: { 'read:deal': 1 },
    });
    expect(warnings).toEqual([
      {
        message: 'salesforce call retried',
        fields: expect.objectContaining({ label: 'read:deal', attempt: 1 }),
      },
      {
        message: 'salesforce call retried',
        fields: expect.objectContaining({ label: 'read:deal', attempt: 2 }),
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('secret-looking');
  });

  it('does not send a non-idempotent write again after a 5xx', async () => {
    const calls = new SalesforceCalls({
      retries: 5,
      baseDelayMs: 1,
      maxDelayMs: 5,
      sleep: () => Promise.resolve(),
    });
    let tries = 0;
    const create = () =>
      calls.run(
        'write:tasks',
        async () => {
          tries++;
          if (tries === 1) throw http(429);
          throw http(500);
        },
        { idempotent: false },
      );
    await expect(create()).rejects.toMatchObject({ status: 500 });
    expect(tries).toBe(2);
  });
});
