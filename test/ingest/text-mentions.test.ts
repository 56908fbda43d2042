// candidateNameKeys keys each run of words from its words' folds; held here to the obvious
// reading: every run's own text, possessive cut, keyed by placeNameKey.
import { candidateNameKeys, MAX_NAME_WORDS, NEVER_PLACES } from "../../src/ingest/text-mentions";
import { isCode, placeNameKey } from "../../src/place/place-names";

const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const CONNECTORS = new Set(["de", "del", "la", "le", "les", "el", "al", "an", "ad", "as", "ash", "ar", "of", "on", "upon", "da", "do", "dos", "das", "du", "des", "di", "am", "im", "sur", "en", "y"]);

function obviousKeys(text: string): Set<string> {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const capital = (word: string) => /^\p{Lu}/u.test(word);
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(tokens[i].word)) continue;
    for (let j = i; j < i + MAX_NAME_WORDS && j < tokens.length; j++) {
      if (j > i && !/^[ \t]+$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      if (j > i && !capital(tokens[j].word) && !CONNECTORS.has(tokens[j].word.toLowerCase())) break;
      const bare = tokens[j].word.replace(/['’]s$/, "");
      if (!capital(tokens[j].word) || isCode(bare)) continue;
      const key = placeNameKey(text.slice(tokens[i].start, tokens[j].end).replace(/['’]s$/, ""));
      if (key && !NEVER_PLACES.has(key)) keys.add(key);
    }
  }
  return keys;
}

describe("candidateNameKeys", () => {
  test.each([
    "Protesters marched from Alma-Ata to the Mayor's office in Taldykorgan on Wednesday.",
    "Troops reached Ust-Kamenogorsk and Rio de Janeiro; the KRT airport in Khartoum's north was shut.",
    "Zhanaözen, Łódź, Ærøskøbing and São Paulo  de\tla Serra were named, as were Москва and Dnipro’s port.",
    "The National Police Force Union Of The National Police Force Union Of Kazakhstan Said",
    "A. B. C. Ad-Dawr al-Hawija 'Abd Al Aziz ,Comma Start ALA and Bab el Oued.",
  ])("%s", (text) => {
    expect([...candidateNameKeys(text)].sort()).toEqual([...obviousKeys(text)].sort());
  });
});
