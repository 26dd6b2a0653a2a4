/**
 * Plots of the activation functions and their derivatives as standalone SVG, computed by the
 * library's kernels. Used by the `simd-activations plot` CLI; a small writer of our own rather than
 * a charting library, because the charts are plain line plots and the package stays dependency-free.
 */
import { renderFigure } from './chart';
import { curveLabel, sample, type CurveSpec } from './curves';
import { colour } from './palette';

export { renderFigure } from './chart';
export type { Figure, Panel, Series, PanelData } from './chart';
export { sample, curveLabel, plottableNames, parameterDefaults } from './curves';
export type { Curve, CurveSpec } from './curves';
export { OKABE_ITO } from './palette';

export interface PlotOptions {
  from?: number;
  to?: number;
  points?: number;
  type?: 'float64' | 'float32';
}

/** One function: f (solid) and f′ (dashed) on one chart, the parameters in the legend. */
export function plotFunction(spec: CurveSpec, o: PlotOptions = {}): string {
  const c = sample(spec, o.from ?? -5, o.to ?? 5, o.points ?? 401, o.type);
  return renderFigure({
    width: 720,
    height: 480,
    panels: [{
      title: `${spec.name} and its derivative`,
      xLabel: 'x',
      yLabel: 'f(x), f′(x)',
      series: [
        { label: curveLabel(c), x: c.x, y: c.f, colour: colour(0) },
        { label: curveLabel(c, true), x: c.x, y: c.df, colour: colour(1), dashed: true },
      ],
    }],
  });
}

/** Several functions: the functions on the left, their derivatives on the right, one colour each. */
export function plotGallery(specs: readonly CurveSpec[], o: PlotOptions = {}): string {
  const curves = specs.map((s) => sample(s, o.from ?? -5, o.to ?? 5, o.points ?? 401, o.type));
  const series = (d: boolean) => curves.map((c, i) => ({ label: curveLabel(c, d), x: c.x, y: d ? c.df : c.f, colour: colour(i) }));
  return renderFigure({
    title: 'Activation functions and their derivatives (simd-activations)',
    width: 1000,
    height: 500,
    panels: [
      { title: 'f(x)', xLabel: 'x', yLabel: 'f(x)', series: series(false) },
      { title: 'f′(x)', xLabel: 'x', yLabel: 'f′(x)', series: series(true) },
    ],
  });
}

/** seed 004's five: sigmoid, tanh, relu, leakyRelu (α = 0.1 so that the slope shows) and elu. */
export const GALLERY: readonly CurveSpec[] = [
  { name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }, { name: 'leakyRelu', params: { alpha: 0.1 } }, { name: 'elu' },
];
