// The structured log keeps credentials and personal data out, whatever a caller passes in.
import { Writable } from 'node:stream';
import { createLogger, describeError } from '../../src/server/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  return { log, lines };
}

describe('the backend log', () => {
  it('redacts authorization headers, tokens, secrets and email addresses at any depth', () => {
    const { log, lines } = capture();
    log.info(
      {
        headers: { authorization: 'Bearer pat-na1-secret' },
        token: 'sandbox-token',
        install: { tokens: { accessToken: 'a', refreshToken: 'r' } },
        clientSecret: 'shh',
        user: { email: 'jordan.blake@lumenstack.example', id: '71020301' },
        userEmail: 'priya.raman@lumenstack.example',
      },
      'something happened',
    );
    const text = JSON.stringify(lines);
    for (const secret of [
      'pat-na1-secret',
      'sandbox-token',
      '"a"',
      '"r"',
      'shh',
      'jordan',
      'priya',
    ])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: 'something happened', user: { id: '71020301' } });
  });

  it("keeps only the status and category of HubSpot's errors, which carry the request", () => {
    const error = {
      code: 429,
      body: { category: 'RATE_LIMITS', message: 'contact jordan.blake@lumenstack.example' },
      headers: { authorization: 'Bearer pat-na1-secret' },
    };
    expect(describeError(error)).toEqual({
      type: 'HubSpotError',
      status: 429,
      category: 'RATE_LIMITS',
    });
  });
});
