/** Names compared without spaces, punctuation or width differences: “北京市 科协” = 北京市科协. Pure. */
export function nameKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}
