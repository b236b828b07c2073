// The one table `npm run bench` prints: what | figure | limit or floor | ratio | goal | met?
export interface Row {
  what: string;
  figure: string;
  limit?: string;
  ratio?: number;
  /** e.g. ['>=', 0.5]: the ratio's goal; ['±', 0.1]: within 0.1 of 1. */
  goal?: ['>=' | '<=' | '<' | '±', number];
}

const rows: Row[] = [];
const notes: string[] = [];

export function addRow(row: Row): void {
  rows.push(row);
}
export function section(title: string): void {
  rows.push({ what: `— ${title}`, figure: '' });
}
export function note(line: string): void {
  notes.push(line);
}

function met(row: Row): string {
  if (!row.goal || row.ratio === undefined || !Number.isFinite(row.ratio)) return '';
  const [op, v] = row.goal;
  const ok = op === '>=' ? row.ratio >= v : op === '<=' ? row.ratio <= v : op === '±' ? Math.abs(row.ratio - 1) <= v : row.ratio < v;
  return ok ? 'yes' : 'NO';
}

export function renderTable(): string {
  const header = ['what', 'figure', 'limit / floor', 'ratio', 'goal', 'met?'];
  const cells = rows.map((r) =>
    r.figure === '' && r.what.startsWith('—')
      ? [r.what, '', '', '', '', '']
      : [
          r.what,
          r.figure,
          r.limit ?? '',
          r.ratio === undefined ? '' : r.ratio.toFixed(2),
          r.goal ? (r.goal[0] === '±' ? `1 ± ${r.goal[1]}` : `${r.goal[0]} ${r.goal[1]}`) : '',
          met(r),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), '', ...notes].join('\n');
}

export const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
export const perS = (x: number, unit = 'req/s') => `${x.toFixed(x < 10 ? 2 : 0)} ${unit}`;
