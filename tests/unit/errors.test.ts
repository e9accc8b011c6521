/**
 * The one error shape (src/lib/content/errors.ts) as contributors and CI read it: the terminal line
 * `file:line field: message （hint）`, and the GitHub workflow command whose properties a file name
 * must not be able to rewrite — `:` and `,` end a property, `::` ends them all, a line break starts
 * a new command. File names come from contributors' pull requests.
 */
import { describe, expect, it } from 'vitest';
import { type ContentError, formatError, githubAnnotation, sortErrors } from '../../src/lib/content/errors.ts';

const E = (o: Partial<ContentError> = {}): ContentError => ({ file: 'content/events/2026/a.md', line: 7, field: 'end', message: '结束时间早于开始时间 / end is before start', ...o });

describe('formatError', () => {
  it('file:line field: message, with the hint in Chinese brackets', () => {
    expect(formatError(E())).toBe('content/events/2026/a.md:7 end: 结束时间早于开始时间 / end is before start');
    expect(formatError(E({ hint: '您是不是要写“卫生健康”？' }))).toBe('content/events/2026/a.md:7 end: 结束时间早于开始时间 / end is before start （您是不是要写“卫生健康”？）');
  });

  it('a whole-file problem has no line and no field; a warning says so', () => {
    expect(formatError(E({ line: 0, field: '' }))).toBe('content/events/2026/a.md 结束时间早于开始时间 / end is before start');
    expect(formatError(E({ severity: 'warning' }))).toBe('content/events/2026/a.md:7 end: [提醒 / warning] 结束时间早于开始时间 / end is before start');
    expect(formatError(E({ severity: 'error' }))).toBe(formatError(E({ severity: undefined })));
  });
});

describe('githubAnnotation', () => {
  it('error or warning, with file, line and title', () => {
    expect(githubAnnotation(E())).toBe('::error file=content/events/2026/a.md,line=7,title=end::结束时间早于开始时间 / end is before start');
    expect(githubAnnotation(E({ severity: 'warning', hint: '例如 2026-09-12' }))).toBe(
      '::warning file=content/events/2026/a.md,line=7,title=end::结束时间早于开始时间 / end is before start （例如 2026-09-12）',
    );
  });

  it('a whole-file problem has no line= and no title=', () => {
    expect(githubAnnotation(E({ line: 0, field: '' }))).toBe('::error file=content/events/2026/a.md::结束时间早于开始时间 / end is before start');
  });

  it('a file name or field with : , % or a line break cannot add or rewrite a property or a command', () => {
    const line = githubAnnotation(E({ file: 'content/events/2026/x,line=1,title=ok:y.md', field: 'a:b,c' }));
    expect(line).toBe('::error file=content/events/2026/x%2Cline=1%2Ctitle=ok%3Ay.md,line=7,title=a%3Ab%2Cc::结束时间早于开始时间 / end is before start');
    // What the runner parses: exactly the three properties we wrote.
    const props = line.slice('::error '.length, line.indexOf('::', 2)).split(',').map((p) => p.split('=')[0]);
    expect(props).toEqual(['file', 'line', 'title']);
    expect(githubAnnotation(E({ file: 'a%0A::error::forged\n::warning::x.md', line: 0, field: '' }))).toBe(
      '::error file=a%250A%3A%3Aerror%3A%3Aforged%0A%3A%3Awarning%3A%3Ax.md::结束时间早于开始时间 / end is before start',
    );
  });

  it('the message keeps : and , (they are data there) but not %, CR or LF', () => {
    expect(githubAnnotation(E({ message: '时间: 14:00, 100%\r\n::error::forged', line: 0, field: '' }))).toBe('::error file=content/events/2026/a.md::时间: 14:00, 100%25%0D%0A::error::forged');
    expect(githubAnnotation(E({ line: 0, field: '', hint: 'a\nb' }))).toBe('::error file=content/events/2026/a.md::结束时间早于开始时间 / end is before start （a%0Ab）');
  });
});

describe('sortErrors', () => {
  it('by file, then line, then field; the input is left as it was', () => {
    const input = [E({ file: 'b.md', line: 1, field: 'x' }), E({ file: 'a.md', line: 9, field: 'x' }), E({ file: 'a.md', line: 2, field: 'z' }), E({ file: 'a.md', line: 2, field: 'b' }), E({ file: 'a.md', line: 10, field: 'a' })];
    const before = [...input];
    expect(sortErrors(input).map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual(['a.md:2 b', 'a.md:2 z', 'a.md:9 x', 'a.md:10 a', 'b.md:1 x']);
    expect(input).toEqual(before);
    // Files decide before lines, whichever way round the sort compares them.
    const [later, earlier] = [E({ file: 'b.md', line: 1 }), E({ file: 'a.md', line: 5 })];
    expect(sortErrors([later, earlier])).toEqual([earlier, later]);
    expect(sortErrors([earlier, later])).toEqual([earlier, later]);
  });
});
