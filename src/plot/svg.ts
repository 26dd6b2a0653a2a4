/**
 * A minimal SVG writer: elements as strings with escaped attributes and text. The charts here are
 * lines, text and rectangles, so a few helpers keep the output readable and dependency-free.
 */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type Attrs = Record<string, string | number | undefined>;

/** <tag a="…">children</tag>, or <tag a="…"/> without children; undefined attributes are left out. */
export function el(tag: string, attrs: Attrs, children?: string | readonly string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (children === undefined) return `<${tag}${a}/>`;
  const inner = typeof children === 'string' ? children : children.join('\n');
  return `<${tag}${a}>${inner}</${tag}>`;
}

export function text(x: number, y: number, s: string, attrs: Attrs = {}): string {
  return el('text', { x: round(x), y: round(y), ...attrs }, escapeXml(s));
}

/** Pixel coordinates to 2 decimals: sub-pixel exact, and the file stays small. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The root element with a white background and a font stack that renders everywhere. */
export function document(width: number, height: number, body: readonly string[]): string {
  return el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  }, [el('rect', { width, height, fill: '#ffffff' }), ...body]) + '\n';
}
