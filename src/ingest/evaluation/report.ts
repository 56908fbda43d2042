// The evaluation as text: a row per page, the totals, field and article
// accuracy, and with --verbose what each page missed and what it took wrongly.
import type { GoldClaim } from "./gold";
import { precision, recall, type PageScore, type Ratio, type ScoredClaim, type TotalScore } from "./score";

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function fraction(right: number, total: number): string {
  return total === 0 ? `${right}/${total}      n/a` : `${right}/${total} ${percent(right / total).padStart(7)}`;
}

function ratioText({ right, total }: Ratio): string {
  return fraction(right, total);
}

function quoteOf(text: string | null | undefined): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `"${flat.slice(0, 100)}…"` : `"${flat}"`;
}

function claimLine(category: string, group: string, best: number, claimant: string): string {
  return `${category.padEnd(12)} ${group.padEnd(15)} ${String(best).padStart(6)}  ${claimant}`;
}

function goldDetails(g: GoldClaim): string {
  const details = [g.qualifier !== "EXACT" ? g.qualifier : null, g.status !== "current" ? g.status : null, g.place ? `place ${g.place}` : null, g.subgroup ? `subgroup ${g.subgroup}` : null].filter(Boolean);
  return details.length ? `  [${details.join(", ")}]` : "";
}

function extractedDetails(e: ScoredClaim): string {
  const details = [e.qualifier !== "EXACT" ? e.qualifier : null, e.status && e.status !== "CURRENT" ? e.status.toLowerCase() : null, e.placeName ? `place ${e.placeName}` : null].filter(Boolean);
  return details.length ? `  [${details.join(", ")}]` : "";
}

/** What a page missed and what it took that matches no gold claim. */
export function formatPageDetails(score: PageScore): string[] {
  const lines: string[] = [];
  for (const { claim, near } of score.unmatchedGold) {
    lines.push(`    missed  ${claimLine(claim.category, claim.group, claim.best, claim.claimant)}${goldDetails(claim)}`);
    lines.push(`            ${quoteOf(claim.sentence)}`);
    if (near.length) lines.push(`            same figure extracted, but: ${near.join("; ")}`);
  }
  for (const { claim, nonClaim } of score.unmatchedExtracted) {
    const claimant = `${claim.claimant.name || "(none)"} (${claim.claimant.kind})`;
    lines.push(`    extra   ${claimLine(claim.category, claim.affectedGroup, claim.best, claimant)}${extractedDetails(claim)}${nonClaim ? "  NON-CLAIM" : ""}`);
    lines.push(`            ${quoteOf(claim.quote)}`);
  }
  return lines;
}

export interface ReportOptions {
  title: string;
  verbose?: boolean;
}

export function formatReport(scores: PageScore[], total: TotalScore, options: ReportOptions): string {
  const lines: string[] = [];
  lines.push(`Extraction on ${options.title}: ${total.pages} pages, ${total.gold} gold claims, ${total.extracted} extracted`);
  lines.push("");
  const width = Math.max(4, ...scores.map((s) => s.id.length));
  lines.push(`${"page".padEnd(width)}  gold  extr  match   recall  precision  non-claims`);
  for (const s of scores) {
    if (s.refused !== null) {
      lines.push(`${s.id.padEnd(width)}  ${String(s.gold).padStart(4)}     -      -  REFUSED: ${s.refused}`);
    } else {
      const r = s.gold === 0 ? "     -" : percent(recall(s.pairs.length, s.gold)).padStart(6);
      const p = s.extracted === 0 ? "        -" : percent(precision(s.pairs.length, s.extracted)).padStart(9);
      lines.push(
        `${s.id.padEnd(width)}  ${String(s.gold).padStart(4)}  ${String(s.extracted).padStart(4)}  ${String(s.pairs.length).padStart(5)}  ${r.padStart(7)}  ${p}  ${String(s.nonClaimsTaken).padStart(10)}`,
      );
    }
    if (options.verbose) {
      const details = formatPageDetails(s);
      lines.push(...details);
      if (details.length) lines.push("");
    }
  }
  lines.push("");
  lines.push(`Totals over ${total.pages} pages`);
  const line = (label: string, matched: number) =>
    `  ${label.padEnd(30)} recall ${fraction(matched, total.gold).padStart(16)}   precision ${fraction(matched, total.extracted).padStart(16)}`;
  lines.push(line("full match", total.full));
  lines.push(line("relaxed (claimant ignored)", total.relaxed));
  lines.push(line("figure only (category + best)", total.figure));
  lines.push(`  ${"non-claims taken".padEnd(30)} ${total.nonClaimsTaken}`);
  lines.push(`  ${"pages refused".padEnd(30)} ${total.refused} of ${total.pages}`);
  lines.push("");
  lines.push(`Fields over the ${total.full} full matches`);
  lines.push(`  ${"qualifier".padEnd(30)} ${ratioText(total.fields.qualifier)}`);
  lines.push(`  ${"low/high".padEnd(30)} ${ratioText(total.fields.lowHigh)}`);
  lines.push(`  ${"status".padEnd(30)} ${ratioText(total.fields.status)}`);
  lines.push(`  ${"place".padEnd(30)} ${ratioText(total.fields.place)}`);
  lines.push(
    `  ${"status, non-current gold".padEnd(30)} ${ratioText(total.fields.nonCurrentStatus)}` +
      `   (of ${total.nonCurrentGold} such gold claims, ${total.fields.nonCurrentStatus.total} matched; target ≥ 80% right)`,
  );
  lines.push("");
  lines.push("Articles");
  lines.push(`  ${"headline present".padEnd(30)} ${ratioText(total.headlinePresent)}`);
  lines.push(`  ${"publishedAt = gold".padEnd(30)} ${ratioText(total.publishedAt)}   (pages whose gold has a date)`);
  return `${lines.join("\n")}\n`;
}
