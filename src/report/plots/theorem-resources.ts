/**
 * Plot: the resources the theorem's construction spends against the accuracy $\varepsilon$: FFN
 * width (hidden units), parameter count and temperature $\lambda$, for each case study of
 * `src/transformer/resources.ts` (`CASE_STUDIES` × `DEFAULT_EPSILONS`). Each point is an actual
 * construction (`constructTransformer`), its sizes read from the weights (`parameterCount`); a
 * refused construction is left out and named in the caption. Construction times are not plotted (they
 * would make the report differ from run to run).
 */
import { ExactDecimal } from '../../arith/context.ts';
import { constructTransformer } from '../../transformer/construct.ts';
import { parameterCount } from '../../transformer/model.ts';
import { CASE_STUDIES, DEFAULT_EPSILONS } from '../../transformer/resources.ts';
import { ConstructionRefused } from '../../transformer/ridge-decomposition.ts';
import { type Plot, PLOT_CONFIG, renderVegaLite } from './render.ts';

export interface ResourcePoint {
  readonly caseStudy: string;
  readonly epsilon: number;
  readonly width: number;
  readonly parameters: number;
  readonly lambda: number;
  /** The ledger's proved bound on the sup error (≤ ε). */
  readonly ledgerBound: number;
}

/** Every (case study, ε) construction's resources, and the refused ones. */
export function resourcePoints(): { points: ResourcePoint[]; refused: string[] } {
  const points: ResourcePoint[] = [];
  const refused: string[] = [];
  for (const cs of CASE_STUDIES) {
    for (const e of DEFAULT_EPSILONS) {
      try {
        const c = constructTransformer(cs.target(), new ExactDecimal(e));
        points.push({
          caseStudy: cs.name,
          epsilon: Number(e),
          width: c.width,
          parameters: parameterCount(c.weights).total,
          lambda: c.lambda.toNumber(),
          ledgerBound: c.ledger.total.toNumber(),
        });
      } catch (err) {
        if (!(err instanceof ConstructionRefused)) throw err;
        refused.push(`${cs.name} at ε = ${e}`);
      }
    }
  }
  return { points, refused };
}

/** What the ledgers prove, read from the points (not assumed). */
function ledgerSentence(points: readonly ResourcePoint[]): string {
  const over = points.filter((p) => !(p.ledgerBound <= p.epsilon));
  if (over.length === 0) return `Each of the ${points.length} constructions' ledgers proves a sup error $\\le \\varepsilon$.`;
  return `The ledger bound exceeds $\\varepsilon$ for ${over.map((p) => `${p.caseStudy} at ε = ${p.epsilon}`).join('; ')}.`;
}

export async function theoremResourcesPlot(): Promise<Plot> {
  const { points, refused } = resourcePoints();
  const x = { field: 'epsilon', type: 'quantitative', scale: { type: 'log', reverse: true }, title: 'accuracy ε', axis: { values: DEFAULT_EPSILONS.map(Number) } } as const;
  const color = { field: 'caseStudy', type: 'nominal', title: 'target F', legend: { orient: 'bottom', columns: 2 } } as const;
  const panel = (field: string, title: string, log: boolean) => ({
    width: 200,
    height: 200,
    mark: { type: 'line', point: { size: 24 } },
    encoding: { x, y: { field, type: 'quantitative', title, ...(log ? { scale: { type: 'log' } } : {}) }, color },
  });
  const svg = await renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: PLOT_CONFIG,
    data: { values: points },
    hconcat: [panel('width', 'FFN hidden units', true), panel('parameters', 'parameters', true), panel('lambda', 'temperature λ', false)],
  } as never);
  return {
    id: 'theorem-resources',
    title: "The theorem's resources against ε",
    caption: `For each case study of the theorem (tokens in $[0, 1]$) and $\\varepsilon \\in \\{${DEFAULT_EPSILONS.join(', ')}\\}$: the width of the feed-forward layer, the parameter count, and the temperature $\\lambda$ (chosen after the FFN) of the constructed single-layer Transformer, read from the construction's weights. ${ledgerSentence(points)}${refused.length > 0 ? ` Refused constructions, left out: ${refused.join('; ')}.` : ''}`,
    svg,
  };
}
