/**
 * Copy and download in the browser, for the /submit/ result: the clipboard (with the old selection
 * way where the Clipboard API is refused) and a file saved from a Blob. DOM only, no React.
 */
import { saveFile } from '../../lib/browser/download.ts';

/** Copy text to the clipboard; false when the browser refused both ways. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and non-secure pages: the selection way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Save text as a file named after the last part of path; returns the file name. */
export function downloadFile(path: string, text: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  saveFile(name, new Blob([text], { type: name.endsWith('.md') ? 'text/markdown;charset=utf-8' : 'application/yaml;charset=utf-8' }));
  return name;
}
