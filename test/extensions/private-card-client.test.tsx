// The private install's card client: each request of the card as one call of the card's app
// function through `hubspot.serverless` (spied here), the function's `ok` answer as the result,
// its errors as the CardApiError the backend's answer would have been (the same status for each
// code, so a conflict still keeps the card's view), and a call that throws as "could not be
// reached".
import { hubspot } from '@hubspot/ui-extensions';
import { CardApiError, type CardClient } from '../../extensions/handoff-card/card-client';
import {
  FUNCTION_ERROR_STATUS,
  createServerlessCardClient,
} from '../../extensions/handoff-card/serverless-card-client';
import { DealNotFoundError, NotProvisionedError } from '../../src/crm/crm-adapter';
import { APP_FUNCTION_UIDS } from '../../src/functions/app-functions/app-function-meta';
import {
  NotConfiguredError,
  failure,
} from '../../src/functions/app-functions/app-function-runtime';
import { CardError, type CardErrorCode } from '../../src/functions/card-errors';

const DEAL_ID = '9001';

function spyServerless(answer: () => Promise<unknown>) {
  return jest.spyOn(hubspot, 'serverless').mockImplementation(answer);
}

afterEach(() => jest.restoreAllMocks());

async function refusal(call: Promise<unknown>): Promise<CardApiError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CardApiError);
  return error as CardApiError;
}

describe('the serverless card client', () => {
  const sections = { risks: { churnRisk: 'high' as const } };
  it.each<[string, (client: CardClient) => Promise<unknown>, Record<string, unknown>]>([
    ['load', (client) => client.load(), { operation: 'load' }],
    ['save', (client) => client.save(3, sections), { operation: 'save', baseVersion: 3, sections }],
    [
      'act',
      (client) => client.act(4, { type: 'submit' }),
      { operation: 'act', baseVersion: 4, action: { type: 'submit' } },
    ],
    ['introEmail', (client) => client.introEmail(), { operation: 'intro-email' }],
    ['start', (client) => client.start(), { operation: 'start' }],
    ['requestPreClose', (client) => client.requestPreClose(), { operation: 'pre-close' }],
  ])('%s calls the card function with its operation and the deal', async (name, call, sent) => {
    const result = { dealId: DEAL_ID, marker: name };
    const serverless = spyServerless(async () => ({ status: 'ok', result }));
    await expect(call(createServerlessCardClient({ dealId: DEAL_ID }))).resolves.toEqual(result);
    expect(serverless).toHaveBeenCalledTimes(1);
    expect(serverless).toHaveBeenCalledWith('baton_handoff_card_function', {
      parameters: { ...sent, dealId: DEAL_ID },
    });
  });

  it('calls the function by the uid the project gives it', async () => {
    const serverless = spyServerless(async () => ({ status: 'ok', result: null }));
    await createServerlessCardClient({ dealId: DEAL_ID }).load();
    expect(serverless.mock.calls[0]?.[0]).toBe(APP_FUNCTION_UIDS.handoffCard);
  });

  it('uses a serverless runner it is given instead of hubspot.serverless', async () => {
    const spied = spyServerless(async () => ({ status: 'ok', result: 'spied' }));
    const runner = jest.fn(async () => ({ status: 'ok', result: 'given' }));
    const client = createServerlessCardClient({ dealId: DEAL_ID, serverless: runner });
    await expect(client.load()).resolves.toBe('given');
    expect(spied).not.toHaveBeenCalled();
  });

  it.each(Object.entries(FUNCTION_ERROR_STATUS))(
    'turns the code %s into a CardApiError with status %i and the message',
    async (code, status) => {
      spyServerless(async () => ({ status: 'error', code, message: `refused: ${code}` }));
      const error = await refusal(createServerlessCardClient({ dealId: DEAL_ID }).load());
      expect(error).toMatchObject({ status, code, message: `refused: ${code}` });
    },
  );

  it('keeps a code it does not know, as a 500', async () => {
    spyServerless(async () => ({ status: 'error', code: 'rate_limited', message: 'slow down' }));
    const error = await refusal(createServerlessCardClient({ dealId: DEAL_ID }).start());
    expect(error).toMatchObject({ status: 500, code: 'rate_limited', message: 'slow down' });
  });

  it.each([
    ['nothing', undefined],
    ['an error without a message', { status: 'error', code: 'conflict' }],
    ['an ok without a result', { status: 'ok' }],
  ])('says it cannot read an answer of %s', async (_name, answer) => {
    spyServerless(async () => answer);
    const error = await refusal(createServerlessCardClient({ dealId: DEAL_ID }).load());
    expect(error).toMatchObject({
      status: 500,
      code: 'error',
      message: 'the Baton function answered something Baton cannot read',
    });
  });

  it('says Baton could not be reached when the call itself fails', async () => {
    spyServerless(async () => {
      throw new Error('serverless function timed out');
    });
    const error = await refusal(createServerlessCardClient({ dealId: DEAL_ID }).save(1, {}));
    expect(error).toMatchObject({
      status: 0,
      code: 'unreachable',
      message: 'Baton could not be reached: try again in a moment',
    });
  });
});

describe('the statuses the client gives each code', () => {
  // Every code of the card API: the compiler names one added there and missing here.
  const cardCodes = Object.keys({
    not_found: true,
    forbidden: true,
    conflict: true,
    invalid_state: true,
    incomplete: true,
    invalid_input: true,
  } satisfies Record<CardErrorCode, true>) as CardErrorCode[];

  it.each(cardCodes)('are the backend’s for the card error %s', (code) => {
    expect(FUNCTION_ERROR_STATUS[code]).toBe(failure(new CardError(code, 'no')).statusCode);
  });

  it('are the backend’s for the failures of the function itself', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const failures = [
      new DealNotFoundError('1'),
      new NotConfiguredError('BATON_TEAM: required'),
      new NotProvisionedError('the handoff object is missing'),
      Object.assign(new Error('HubSpot said no'), { code: 429 }),
      new Error('a bug'),
    ].map(failure);
    expect(failures.map((f) => f.body.code)).toEqual([
      'not_found',
      'not_configured',
      'not_provisioned',
      'crm_unavailable',
      'internal',
    ]);
    for (const { statusCode, body } of failures)
      expect(FUNCTION_ERROR_STATUS[body.code]).toBe(statusCode);
  });
});
