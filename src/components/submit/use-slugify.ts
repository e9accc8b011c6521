/**
 * slugify for the /submit/ form's file name, loaded when it is first wanted: it needs pinyin, a
 * separate ≈ 140 KB script (load-slug.ts), which a person who only looks at the form never loads.
 */
import { useEffect, useState } from 'react';

/** slugify once loaded (undefined until then), and whether loading it failed. */
export function useSlugify(wanted: boolean): { slugify?: (s: string) => string; failed: boolean } {
  const [slugify, setSlugify] = useState<((s: string) => string) | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || slugify) return;
    import('./load-slug.ts').then(
      (m) => setSlugify(() => m.slugify),
      () => setFailed(true),
    );
  }, [wanted, slugify]);
  return { slugify, failed };
}
