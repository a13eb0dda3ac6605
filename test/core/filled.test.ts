import { isFilled, isFilledDate, isFilledNumber, isFilledText } from '../../src/core';

describe('isFilledText', () => {
  it.each(['N/A', 'n/a', 'N/a', '  n/A  '])(
    'counts %p as filled: the protocol asks for an explicit N/A',
    (value) => {
      expect(isFilledText(value)).toBe(true);
    },
  );

  it.each(['Logistics', 'Fewer no-shows', 'NA', '0', 'Todd Ortega', 'Tbilisi office'])(
    'counts %p as filled',
    (value) => {
      expect(isFilledText(value)).toBe(true);
    },
  );

  it.each([
    'TBD',
    'tbd',
    'TODO',
    'todo',
    '?',
    '???',
    '-',
    '--',
    '...',
    '…',
    'n/a?',
    'N/A?',
    'N/A ?',
  ])('refuses the placeholder %p', (value) => {
    expect(isFilledText(value)).toBe(false);
  });

  it.each(['', ' ', '   ', '\t', '\n', ' \t\n '])(
    'refuses blank or whitespace-only text %p',
    (value) => {
      expect(isFilledText(value)).toBe(false);
    },
  );

  it.each([
    'TBD after legal review',
    'TBD.',
    'todo: ask legal',
    'TBC after pilot',
    'To be confirmed',
    '  TBD  ',
  ])('refuses %p, which only promises a value later', (value) => {
    expect(isFilledText(value)).toBe(false);
  });

  it('refuses null and undefined', () => {
    expect(isFilledText(null)).toBe(false);
    expect(isFilledText(undefined)).toBe(false);
  });
});

describe('isFilledNumber', () => {
  it.each([0, 1, 120000, 0.5])('counts %p as filled', (value) => {
    expect(isFilledNumber(value)).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %p',
    (value) => {
      expect(isFilledNumber(value)).toBe(false);
    },
  );

  it('refuses null and undefined', () => {
    expect(isFilledNumber(null)).toBe(false);
    expect(isFilledNumber(undefined)).toBe(false);
  });
});

describe('isFilledDate', () => {
  it('counts a present date or date-time as filled', () => {
    expect(isFilledDate('2026-12-01')).toBe(true);
    expect(isFilledDate('2026-11-02T10:00:00Z')).toBe(true);
  });

  it.each(['TBD', '', '  ', '?', 'TBD after legal review'])(
    'refuses the placeholder %p',
    (value) => {
      expect(isFilledDate(value)).toBe(false);
    },
  );

  it('refuses null and undefined', () => {
    expect(isFilledDate(null)).toBe(false);
    expect(isFilledDate(undefined)).toBe(false);
  });
});

describe('isFilled', () => {
  it('counts the number 0 as filled', () => {
    expect(isFilled(0)).toBe(true);
  });

  it('counts both booleans as filled: false is an answer', () => {
    expect(isFilled(true)).toBe(true);
    expect(isFilled(false)).toBe(true);
  });

  it('applies the text rules to strings', () => {
    expect(isFilled('N/A')).toBe(true);
    expect(isFilled('Logistics')).toBe(true);
    expect(isFilled('TBD')).toBe(false);
    expect(isFilled('   ')).toBe(false);
  });

  it('refuses a number that is not finite', () => {
    expect(isFilled(Number.NaN)).toBe(false);
    expect(isFilled(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it.each([null, undefined, {}, [], ['x']])('refuses %p, which is not a value', (value) => {
    expect(isFilled(value)).toBe(false);
  });
});

describe('dashes from word processors', () => {
  it.each(['—', '–', '— —', '--'])('counts %j as missing', (value) => {
    expect(isFilledText(value)).toBe(false);
  });
});

describe('words that merely start like a deferral', () => {
  it.each(['Todo list app adopted by all clinics', 'To do less manual work', 'TBDX Corp'])(
    'counts %j as filled',
    (value) => {
      expect(isFilledText(value)).toBe(true);
    },
  );

  it.each(['TODO', 'todo: ask legal', 'To do!', 'TBD after legal review', 'to be confirmed by IT'])(
    'counts %j as missing',
    (value) => {
      expect(isFilledText(value)).toBe(false);
    },
  );
});
