import { DEFAULT_POLICY, analyzeHandoff } from '../../src/core';
import { NOW, example } from '../helpers/handoff-factory';

describe('the complete example', () => {
  it('scores 100 on completeness and quality', () => {
    const analysis = analyzeHandoff(example('complete'), DEFAULT_POLICY, NOW);
    expect(analysis.completeness.score).toBe(100);
    expect(analysis.quality.total).toBe(100);
  });
});
