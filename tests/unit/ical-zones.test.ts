/**
 * The iCal golden bytes do not depend on the machine's zone: every scenario rendered by separate Node
 * processes under four TZ values (a zone set inside this process could hide a dependency on it)
 * equals its golden file. Apart from ical-golden.test.ts because a child process runs the library
 * unmutated: mutation testing (tests/vitest.mutation.config.ts) leaves this file out.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../fixtures/ical/', import.meta.url));
const renderScript = fileURLToPath(new URL('../fixtures/ical/render.ts', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.ics')).map((f) => f.slice(0, -4)).sort();

it.each(['UTC', 'Pacific/Kiritimati', 'Asia/Shanghai', 'America/St_Johns'])('TZ=%s renders the golden bytes', (tz) => {
  const out = execFileSync(process.execPath, [renderScript], { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const other = JSON.parse(out) as Record<string, string>;
  expect(Object.keys(other).sort()).toEqual(names);
  for (const name of names) expect(Buffer.from(other[name]!, 'utf8').equals(readFileSync(`${dir}${name}.ics`)), `${name}.ics under TZ=${tz}`).toBe(true);
});
