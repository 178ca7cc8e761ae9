/**
 * The ridge decomposition's parser reads decimal literals exactly (mathjs configured with BigNumber
 * numbers). This file's first test is the first to parse in its module instance, so it is the test
 * that runs when the parser's configuration is built (the parser is built once per module instance).
 */
import { describe, expect, it } from 'vitest';
import { parseExpression } from './ridge-decomposition.ts';

describe('parseExpression', () => {
  it('reads a 20-digit decimal literal exactly, beyond double precision', () => {
    const node = parseExpression('12345678901234567891') as unknown as { type: string; value: { toString(): string } };
    expect(node.type).toBe('ConstantNode');
    expect(node.value.toString()).toBe('12345678901234567891');
  });
});
