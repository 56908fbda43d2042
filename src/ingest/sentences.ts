// Sentences with their offsets in the body, so every quote is an exact slice.
import type { Sentence } from "./types";

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|St|Jr|Sr|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|U\.S|U\.N|e\.g|i\.e)|\b[A-Z])\.$/;

/**
 * Splits text into sentences: a sentence ends at . ! or ? (optionally followed
 * by a closing quote or bracket) before whitespace and an upper-case letter,
 * digit or opening quote — or at a paragraph break. Offsets index into `text`.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /([.!?]["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text)) !== null) {
    const end = match[1] !== undefined ? match.index + match[1].length : match.index;
    if (match[1] !== undefined && ABBREVIATIONS.test(text.slice(Math.max(start, end - 12), end))) continue;
    push(sentences, text, start, end);
    start = match.index + match[0].length;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) sentences.push({ text: text.slice(start, end), start, end });
}
