/** Taylor series refuse node types outside the expression grammar, naming them. */
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { parseExpression } from './ridge-decomposition.ts';
import { NoTaylorSeries, taylorSeries } from './taylor.ts';

const A = arithAt(30);

describe('taylorSeries outside the grammar', () => {
  it('refuses an array and a conditional, naming the node type', () => {
    expect(() => taylorSeries(parseExpression('[t]'), 't', A.point('0.5'), 3, A)).toThrow(NoTaylorSeries);
    expect(() => taylorSeries(parseExpression('[t]'), 't', A.point('0.5'), 3, A)).toThrow('unexpected node type ArrayNode');
    expect(() => taylorSeries(parseExpression('t > 0 ? 1 : 2'), 't', A.point('0.5'), 3, A)).toThrow('unexpected node type ConditionalNode');
  });
});
