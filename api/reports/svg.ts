// Horizontal bar charts as inline SVG, drawn on the server: the printed page needs no script, no chart
// library and no network. Sized in a viewBox so the chart scales to the page's width.
export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 680;
const LABEL_WIDTH = 270;
const VALUE_WIDTH = 48;
const ROW = 24;
const BAR = 16;
/** What fits in the label column at 12px before it would run into the bars. */
const LABEL_CHARS = 42;

const shorten = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** Bars in the given order, each with its label on the left and its value after the bar. */
export function barChart(bars: Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const length = b.value > 0 ? Math.max(2, Math.round((b.value / max) * span)) : 0;
    const name = escapeXml(b.label);
    return [
      `<g><title>${name}: ${b.value}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 3}" text-anchor="end" class="label">${escapeXml(shorten(b.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR}" class="bar"/>`,
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + BAR - 3}" class="value">${b.value}</text></g>`,
    ].join('');
  });
  return [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}" class="chart">`,
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" class="axis"/>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
