// Grouped bar chart of requests/s, hand-written as SVG: one group per shape,
// one bar per server. Sized for 900×450 and self-contained (no fonts, no CSS
// files, no scripts) so GitHub renders it from the README.
import { gridOf } from "./grid";
import type { BenchRun } from "./run-shape";

const WIDTH = 900;
const HEIGHT = 450;
const PLOT = { left: 72, right: WIDTH - 16, top: 78, bottom: HEIGHT - 52 };
const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

// Okabe–Ito: tells the servers apart for colour-blind readers too. Ours is
// the strong blue; the ceiling is grey, since it is a reference, not a rival.
const COLOURS: Record<string, string> = {
  "crisis-graph": "#0072B2",
  "crisis-graph-cached": "#56B4E9",
  "no-loaders": "#D55E00",
  postgraphile: "#009E73",
  "one-sql-limit": "#8C8C8C",
};
const SPARE_COLOURS = ["#E69F00", "#CC79A7", "#F0E442", "#000000"];

export function renderChart(run: BenchRun): string {
  const grid = gridOf(run);
  const colours = colourMap(grid.servers);
  const values = run.results.map((r) => r.rps).filter((v): v is number => v !== null && Number.isFinite(v));
  const axis = niceAxis(Math.max(0, ...values));
  const plotHeight = PLOT.bottom - PLOT.top;
  const y = (value: number) => PLOT.bottom - (value / axis.max) * plotHeight;

  const parts: string[] = [];
  const title = `Requests per second by query shape: ${run.dataset.size} dataset, ${run.machine.cpus} CPUs`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${xml(title)}" font-family="${xml(FONT)}">`,
    `<title>${xml(title)}</title>`,
    `<rect class="background" x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="600" fill="#222">${xml(title)}</text>`,
  );

  // Legend: one row, centred under the title. Widths are estimated (no text metrics in a string builder).
  const items = grid.servers.map((server) => ({ server, width: 22 + server.length * 7.2 + 18 }));
  let x = (WIDTH - items.reduce((sum, item) => sum + item.width, 0)) / 2;
  parts.push(`<g class="legend" font-size="12" fill="#333">`);
  for (const item of items) {
    parts.push(
      `<rect class="legend-swatch" x="${fix(x)}" y="40" width="14" height="14" rx="2" fill="${colours.get(item.server)}"/>`,
      `<text x="${fix(x + 20)}" y="51.5">${xml(item.server)}</text>`,
    );
    x += item.width;
  }
  parts.push(`</g>`);

  // Gridlines and the y axis.
  parts.push(`<g class="y-axis" font-size="11" fill="#555">`);
  for (let tick = 0; tick <= axis.max + axis.step / 2; tick += axis.step) {
    const ty = fix(y(tick));
    parts.push(
      `<line x1="${PLOT.left}" y1="${ty}" x2="${PLOT.right}" y2="${ty}" stroke="${tick === 0 ? "#888" : "#e3e3e3"}" stroke-width="1"/>`,
      `<text x="${PLOT.left - 8}" y="${fix(y(tick) + 4)}" text-anchor="end">${compact(tick)}</text>`,
    );
  }
  const midY = (PLOT.top + PLOT.bottom) / 2;
  parts.push(
    `<text x="18" y="${midY}" text-anchor="middle" font-size="12" fill="#333" transform="rotate(-90 18 ${midY})">requests / second</text>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#888" stroke-width="1"/>`,
    `</g>`,
  );

  // Bars.
  const groupWidth = (PLOT.right - PLOT.left) / Math.max(1, grid.shapes.length);
  const barWidth = (groupWidth * 0.82) / Math.max(1, grid.servers.length);
  parts.push(`<g class="bars">`);
  grid.shapes.forEach((shape, g) => {
    const groupLeft = PLOT.left + g * groupWidth + groupWidth * 0.09;
    grid.servers.forEach((server, s) => {
      const result = grid.get(server, shape);
      if (!result) return;
      const bx = groupLeft + s * barWidth;
      const cx = fix(bx + barWidth / 2);
      if (result.rps === null || !Number.isFinite(result.rps)) {
        // Not measured: say so where the bar would be, rather than draw a zero.
        parts.push(
          `<text x="${cx}" y="${PLOT.bottom - 4}" font-size="9" fill="#999" transform="rotate(-90 ${cx} ${PLOT.bottom - 4})">n/a</text>`,
        );
        return;
      }
      const top = y(result.rps);
      // At least 1px, so a tiny but non-zero result is still visible.
      const height = Math.max(1, PLOT.bottom - top);
      parts.push(
        `<rect class="bar" data-server="${xml(server)}" data-shape="${xml(shape)}" x="${fix(bx + 1)}" y="${fix(PLOT.bottom - height)}" width="${fix(Math.max(1, barWidth - 2))}" height="${fix(height)}" fill="${colours.get(server)}"><title>${xml(`${server} · ${shape}: ${compact(result.rps)} requests/s`)}</title></rect>`,
      );
      // The value, rotated along the bar: above it, or inside the bar's top when there is no room.
      const label = compact(result.rps);
      const inside = top - PLOT.top < label.length * 6 + 6;
      const ly = fix(inside ? top + 4 : top - 4);
      parts.push(
        `<text x="${cx}" y="${ly}" font-size="9" fill="${inside ? "#fff" : "#333"}" text-anchor="${inside ? "end" : "start"}" dominant-baseline="middle" transform="rotate(-90 ${cx} ${ly})">${label}</text>`,
      );
    });
  });
  parts.push(`</g>`);

  // Shape names under each group.
  parts.push(`<g class="x-axis" font-size="12" fill="#333" text-anchor="middle">`);
  grid.shapes.forEach((shape, g) => {
    parts.push(`<text x="${fix(PLOT.left + (g + 0.5) * groupWidth)}" y="${PLOT.bottom + 20}">${xml(shape)}</text>`);
  });
  parts.push(`<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 10}" font-size="11" fill="#666">query shape (higher is better)</text>`);
  parts.push(`</g>`, `</svg>`, "");
  return parts.join("\n");
}

function colourMap(servers: string[]): Map<string, string> {
  let spare = 0;
  return new Map(servers.map((server) => [server, COLOURS[server] ?? SPARE_COLOURS[spare++ % SPARE_COLOURS.length]]));
}

/** A 1/2/5 × 10ⁿ step giving about five gridlines, and a top at least 5% above the tallest bar. */
export function niceAxis(maxValue: number): { max: number; step: number } {
  if (!(maxValue > 0)) return { max: 1, step: 0.2 };
  const rough = (maxValue * 1.05) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  return { max: Math.ceil((maxValue * 1.05) / step) * step, step };
}

/** 950 → "950", 1500 → "1.5k", 12345 → "12.3k", 2500000 → "2.5M". */
export function compact(value: number): string {
  // Trailing zeros dropped: "1.5k", "2k".
  const trim = (n: number, digits: number) => n.toFixed(digits).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  if (Math.abs(value) >= 1e6) return `${trim(value / 1e6, 1)}M`;
  if (Math.abs(value) >= 1e4) return `${trim(value / 1e3, 1)}k`;
  if (Math.abs(value) >= 1e3) return `${trim(value / 1e3, 2)}k`;
  return Math.abs(value) >= 10 || value === 0 ? trim(value, 0) : trim(value, 1);
}

function fix(n: number): string {
  return n.toFixed(1).replace(/\.0$/, "");
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
