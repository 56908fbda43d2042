// How a place name is keyed for lookup (PlaceName.name): the same key for
// "Alma-Ata", "alma ata" and "Álma Ata", so a text's spelling finds the
// gazetteer's. Only Latin-script names get a key: the articles are read in
// Latin script, and other scripts' names would only fill the index.

// Letters NFKD does not take apart.
const FOLD: Record<string, string> = { ı: "i", ł: "l", ø: "o", đ: "d", ð: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ħ: "h", ŧ: "t", ŀ: "l" };

/** The lookup key of a name, or null when it has none (not Latin script, too short, a code such as "KRT"). */
// Any letter outside the Latin blocks (Cyrillic, Arabic, CJK, …): no key, found before the costly NFKD.
const NOT_LATIN = /[^\u0000-\u024F\u1E00-\u1EFF\u02B0-\u02FF\u2010-\u2019]/;

export function placeNameKey(name: string): string | null {
  if (NOT_LATIN.test(name)) return null;
  const key = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ıłøđðßæœþħŧŀ]/g, (c) => FOLD[c])
    // Hyphens, apostrophes and the ʻokina-like marks GeoNames uses, dots, commas: word breaks.
    .replace(/[-‐‑‒–—'’‘`ʻʼʿʾ.,]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (key.length < 3 || !/^[a-z][a-z ]*[a-z]$/.test(key)) return null;
  return key;
}

/** Airport and other codes among GeoNames' alternate names ("KRT", "ALA"): never a name in running text. */
export function isCode(name: string): boolean {
  return /^[A-Z0-9]{2,5}$/.test(name);
}
