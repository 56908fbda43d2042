// How a place name is keyed for lookup (PlaceName.name): the same key for
// "Alma-Ata", "alma ata" and "Álma Ata", so a text's spelling finds the
// gazetteer's. Only Latin-script names get a key: the articles are read in
// Latin script, and other scripts' names would only fill the index.

// Letters NFKD does not take apart.
const FOLD: Record<string, string> = { ı: "i", ł: "l", ø: "o", đ: "d", ð: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ħ: "h", ŧ: "t", ŀ: "l" };

// Any letter outside the Latin blocks (Cyrillic, Arabic, CJK, …): no key, found before the costly NFKD.
const NOT_LATIN = /[^\u0000-\u024F\u1E00-\u1EFF\u02B0-\u02FF\u2010-\u2019]/;

/** The lookup key of a name, or null when it has none (not Latin script, too short, a code such as "KRT"). */
export function placeNameKey(name: string): string | null {
  return isLatinScript(name) ? keyOfFolded(foldName(name)) : null;
}

/** Whether a name is in Latin script (placeNameKey gives no key to any other). */
export function isLatinScript(name: string): boolean {
  return !NOT_LATIN.test(name);
}

/**
 * A name's letters folded as placeNameKey folds them, before its spaces are
 * collapsed: character by character, so the fold of words joined by a space is
 * the folds of the words joined by a space (src/ingest/text-mentions.ts keys
 * a page's runs of words from the folds of its words).
 */
export function foldName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[ıłøđðßæœþħŧŀ]/g, (c) => FOLD[c])
      // Hyphens, apostrophes and the ʻokina-like marks GeoNames uses, dots, commas: word breaks.
      .replace(/[-‐‑‒–—'’‘`ʻʼʿʾ.,]+/g, " ")
  );
}

/** The key of a Latin-script name folded by foldName, or null (too short, not letters). */
export function keyOfFolded(folded: string): string | null {
  const key = folded.replace(/\s+/g, " ").trim();
  if (key.length < 3 || !/^[a-z][a-z ]*[a-z]$/.test(key)) return null;
  return key;
}

/** Airport and other codes among GeoNames' alternate names ("KRT", "ALA"): never a name in running text. */
export function isCode(name: string): boolean {
  return /^[A-Z0-9]{2,5}$/.test(name);
}
