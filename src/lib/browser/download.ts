/**
 * Save a file made in the browser (a draft's YAML, 我的收藏's .ics): a link with `download`, clicked.
 * The link and its object URL stay a minute: a URL revoked at once can cancel the download before
 * the browser has read it.
 */
export function saveFile(name: string, blob: Blob, doc: Document = document): void {
  const a = Object.assign(doc.createElement('a'), { href: URL.createObjectURL(blob), download: name, hidden: true });
  doc.body.append(a);
  a.click();
  setTimeout(() => (URL.revokeObjectURL(a.href), a.remove()), 60_000);
}
