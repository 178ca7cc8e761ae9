/**
 * The resource table of the theorem: for each case study and each ε, the heads, FFN width, parameter
 * count, temperature λ, construction time and certified error of the constructed Transformer —
 * computed by building and certifying each network, never written by hand.
 *
 * Used by the report (`resourceTable(CASE_STUDIES, DEFAULT_EPSILONS)`), and by `uat approximate`.
 */
import { ExactDecimal } from '../arith/context.ts';
import { approximate } from './approximation-report.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { expressionTheoremTarget, libraryTheoremTarget, type TheoremTarget } from './theorem-target.ts';

/** A named target of the resource table. */
export interface CaseStudy {
  readonly name: string;
  /** Builds the target (an expression with its Lipschitz constant, or a library spec). */
  readonly target: () => TheoremTarget;
}

/** The case studies of the report: the examples and a library target. */
export const CASE_STUDIES: readonly CaseStudy[] = Object.freeze([
  { name: 'x1*x2 + i/2 (n = 2)', target: () => expressionTheoremTarget('x1*x2 + i/2', 2, new ExactDecimal(2)) },
  { name: 'max(x1, x2) (n = 2)', target: () => expressionTheoremTarget('max(x1, x2)', 2, new ExactDecimal(1)) },
  { name: 'sin(x1) + x2/2 (n = 2)', target: () => expressionTheoremTarget('sin(x1) + x2/2', 2, new ExactDecimal('1.5')) },
  { name: 'abs(x1 - x2)*i/2 (n = 3)', target: () => expressionTheoremTarget('abs(x1 - x2) * i/2', 3, new ExactDecimal(3)) },
  { name: 'x1*sin(x2) (n = 2)', target: () => expressionTheoremTarget('x1*sin(x2)', 2, new ExactDecimal(2)) },
  { name: 'library sin-of-sum k = 2 (n = 3)', target: () => libraryTheoremTarget({ family: 'sin-of-sum', k: '2' }, 3) },
]);

/** The ε column of the table. */
export const DEFAULT_EPSILONS: readonly string[] = Object.freeze(['0.2', '0.1', '0.05', '0.025']);

export interface ResourceRow {
  readonly caseStudy: string;
  readonly epsilon: string;
  readonly heads: number;
  readonly width: number;
  readonly parameters: number;
  readonly nonZeroParameters: number;
  readonly lambda: string;
  readonly constructionMs: number;
  /** The ledger's proved bound on the sup error. */
  readonly ledgerBound: string;
  /** Box-wise bound when achieved, otherwise the worst sampled error. */
  readonly certifiedError: string;
  readonly certification: 'box-wise' | 'samples' | 'refuted' | 'refused';
  /** Why the construction was refused, when it was. */
  readonly refusal?: string;
}

/** Builds and certifies every (case study, ε) pair. `maxBoxes` caps the box-wise bound per network (0 skips it). */
export function resourceTable(
  caseStudies: readonly CaseStudy[] = CASE_STUDIES,
  epsilons: readonly string[] = DEFAULT_EPSILONS,
  options: { samples?: number; maxBoxes?: number } = {},
): ResourceRow[] {
  const rows: ResourceRow[] = [];
  for (const cs of caseStudies) {
    for (const eps of epsilons) {
      try {
        const r = approximate(cs.target(), new ExactDecimal(eps), { samples: options.samples ?? 50, maxBoxes: options.maxBoxes ?? 0, modulusPairs: 20 });
        rows.push({
          caseStudy: cs.name,
          epsilon: eps,
          heads: r.resources.heads,
          width: r.resources.width,
          parameters: r.resources.parameters,
          nonZeroParameters: r.resources.nonZeroParameters,
          lambda: r.resources.lambda,
          constructionMs: r.resources.constructionMs,
          ledgerBound: r.construction.ledger.total.toSignificantDigits(6, 0).toString(),
          certifiedError: r.certifiedError.toSignificantDigits(6, 0).toString(),
          certification: r.certification,
        });
      } catch (e) {
        if (!(e instanceof ConstructionRefused)) throw e;
        rows.push({
          caseStudy: cs.name,
          epsilon: eps,
          heads: 0,
          width: 0,
          parameters: 0,
          nonZeroParameters: 0,
          lambda: '',
          constructionMs: 0,
          ledgerBound: '',
          certifiedError: '',
          certification: 'refused',
          refusal: e.message,
        });
      }
    }
  }
  return rows;
}
