// Number and table formatting shared by the reports (report.ts, scale-report.ts).

export const en = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Requests per second: whole numbers with separators; one decimal below 100. */
export function formatRps(rps: number | null): string {
  if (rps === null) return "—";
  return rps >= 100 ? en(0).format(rps) : en(1).format(rps);
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms >= 100 ? en(0).format(ms) : ms >= 10 ? en(1).format(ms) : en(2).format(ms);
}

export function formatRatio(value: number | null): string {
  if (value === null) return "—";
  // Two significant digits below 0.1, where two decimals would round no-loaders' 0.025× to 0.03×.
  const text = value >= 10 ? value.toFixed(1) : value >= 0.1 || value === 0 ? value.toFixed(2) : String(Number(value.toPrecision(2)));
  return `${text}×`;
}

/** First column left-aligned, numbers right-aligned, unless `align` says otherwise. */
export function table(header: string[], rows: string[][], align?: string[]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(align ?? header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}
