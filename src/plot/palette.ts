/**
 * Okabe & Ito's colour-blind-safe palette (2008), ordered for white backgrounds: the yellow,
 * hard to see on white, comes last.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

export function colour(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}
