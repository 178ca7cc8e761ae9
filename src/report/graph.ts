/**
 * The dependency graph of the lemmas and the theorem, one node per lemma coloured by its status, an
 * edge `A → B` when B uses A. Rendered by Graphviz (`@viz-js/viz`, WebAssembly) to SVG, server-side.
 */
import { instance } from '@viz-js/viz';
import type { Report } from './model.ts';
import { STATUS_COLOURS } from './status-colours.ts';

/** A DOT string literal. */
function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A DOT label of several lines (`\n` is DOT's centred line break). */
function label(lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

/** The graph in DOT: nodes in report order, edges sorted, so the same report gives the same DOT. */
export function dependencyDot(report: Report): string {
  const lines = [
    'digraph dependencies {',
    '  graph [rankdir=BT, bgcolor="transparent", fontname="Helvetica", nodesep=0.4, ranksep=0.6];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, fontcolor="white", penwidth=0];',
    '  edge [color="#57606a", arrowsize=0.7];',
  ];
  const known = new Set(report.lemmas.map((l) => l.id));
  for (const l of report.lemmas) {
    const shape = l.kind === 'theorem' ? ', peripheries=2, penwidth=1.5, color="#1f2328"' : '';
    lines.push(`  ${quoted(l.id)} [label=${label([`${l.kind === 'theorem' ? 'theorem ' : ''}${l.id}`, l.status])}, fillcolor=${quoted(STATUS_COLOURS[l.status])}, id=${quoted(`node-${l.id}`)}${shape}];`);
  }
  const edges: string[] = [];
  for (const l of report.lemmas) {
    for (const u of l.uses) {
      if (known.has(u)) edges.push(`  ${quoted(u)} -> ${quoted(l.id)};`);
      else {
        edges.push(`  ${quoted(`missing:${u}`)} [label=${label([u, '(missing)'])}, fillcolor="${STATUS_COLOURS.refuted}", style="rounded,filled,dashed"];`);
        edges.push(`  ${quoted(`missing:${u}`)} -> ${quoted(l.id)} [style=dashed];`);
      }
    }
  }
  lines.push(...edges.sort());
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The dependency graph as a standalone SVG document. */
export async function dependencySvg(report: Report): Promise<string> {
  const viz = await instance();
  return viz.renderString(dependencyDot(report), { format: 'svg', engine: 'dot' });
}
