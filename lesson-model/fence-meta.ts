// Parses a code fence's meta string (`caption="…" id=x ro`) into key/value pairs.
export type FenceMeta = Record<string, string | undefined>;

const PAIR = /([a-zA-Z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)))?/g;

export function parseFenceMeta(meta: string): FenceMeta {
  const result: FenceMeta = {};
  for (const match of meta.matchAll(PAIR)) {
    const [, key, doubleQuoted, singleQuoted, bare] = match;
    // Only \" is an escape: other backslashes stay, so regular expressions survive (expect="^\[").
    const value = doubleQuoted?.replace(/\\"/g, '"') ?? singleQuoted ?? bare ?? '';
    result[key] = value;
  }
  return result;
}
