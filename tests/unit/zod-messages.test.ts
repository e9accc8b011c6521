/**
 * zod's issues turned into contributor messages (src/lib/content/zod-messages.ts), one issue kind at a time,
 * straight from zod schemas: a missing field is not an empty one, built-in English is replaced, the
 * schema's own Chinese messages are kept, and "did you mean" appears only when the key is close.
 * The messages as contributors meet them in files are pinned in validate.test.ts and hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssueMessage } from '../../src/lib/content/zod-messages.ts';

/** The messages for `value`, parsed as the validator parses (reportInput: a missing field has no input). */
const messages = (schema: z.ZodType, value: unknown, knownKeys: string[] = []) => {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? [] : r.error.issues.map((i) => zodIssueMessage(i, knownKeys));
};
const UNKNOWN = z.strictObject({});

describe('wrong or missing values', () => {
  it('a missing field, an empty one and a wrong type say different things', () => {
    const s = z.object({ title: z.string() });
    expect(messages(s, {})).toEqual(['缺少必填字段，请补上 / required field is missing']);
    expect(messages(s, { title: null })).toEqual(['这个字段没有填值，请填写或删掉这一行 / the field is empty: fill it in or remove the line']);
    expect(messages(s, { title: 5 })).toEqual(['应该是文字 / expected string']);
  });

  it('names the expected type in Chinese, or zod’s name when it has none', () => {
    const sym = Symbol('x');
    expect(messages(z.number(), sym)).toEqual(['应该是数字 / expected number']);
    expect(messages(z.boolean(), sym)).toEqual(['应该是true 或 false / expected boolean']);
    expect(messages(z.array(z.string()), sym)).toEqual(['应该是列表（- 开头的多行，或 [a, b]） / expected array']);
    expect(messages(z.object({}), sym)).toEqual(['应该是一组字段 / expected object']);
    expect(messages(z.date(), sym)).toEqual(['应该是日期 / expected date']);
    expect(messages(z.bigint(), 'x')).toEqual(['应该是bigint / expected bigint']);
    expect(messages(z.string({ error: '请写成文字' }), 5)).toEqual(['请写成文字']);
  });

  it('a union: missing, or not any of its forms', () => {
    expect(messages(z.object({ a: z.union([z.string(), z.number()]) }), {})).toEqual(['缺少必填字段，请补上 / required field is missing']);
    expect(messages(z.union([z.string(), z.number()]), true)).toEqual(['写法不对，请参照示例 / invalid value: see the example']);
    expect(messages(z.union([z.string(), z.number()], { error: '写文字或数字' }), true)).toEqual(['写文字或数字']);
  });
});

describe('sizes', () => {
  it('too small: numbers, lists, empty text; the schema’s own message wins', () => {
    expect(messages(z.number().min(3), 1)).toEqual(['不能小于 3 / must be at least 3']);
    expect(messages(z.array(z.string()).min(2), ['a'])).toEqual(['至少写 2 项 / at least 2 item(s)']);
    expect(messages(z.string().min(1), '')).toEqual(['不能为空 / must not be empty']);
    expect(messages(z.string().min(1, '请填写标题'), '')).toEqual(['请填写标题']);
  });

  it('too big: numbers, then text and lists; the schema’s own message wins', () => {
    expect(messages(z.number().max(3), 5)).toEqual(['不能大于 3 / must be at most 3']);
    expect(messages(z.string().max(3), 'abcdef')).toEqual(['太长了，最多 3 / too long (max 3)']);
    expect(messages(z.array(z.number()).max(1), [1, 2])).toEqual(['太长了，最多 1 / too long (max 1)']);
    expect(messages(z.string().max(3, '不能超过 3 个字'), 'abcdef')).toEqual(['不能超过 3 个字']);
  });
});

describe('values and formats', () => {
  it('lists the allowed values in both languages, unless the schema says it better', () => {
    expect(messages(z.enum(['scheduled', 'cancelled']), 'x')).toEqual(['只能是 scheduled、cancelled / must be one of scheduled, cancelled']);
    expect(messages(z.literal(3), 4)).toEqual(['只能是 3 / must be one of 3']);
    expect(messages(z.enum(['a', 'b'], { error: '只能写 a 或 b' }), 'c')).toEqual(['只能写 a 或 b']);
  });

  it('a format: zod’s English is replaced, the schema’s message kept', () => {
    expect(messages(z.string().url(), 'x')).toEqual(['格式不对 / invalid format']);
    expect(messages(z.string().regex(/^a$/), 'x')).toEqual(['格式不对 / invalid format']);
    expect(messages(z.string().regex(/^a$/, '请写 a'), 'x')).toEqual(['请写 a']);
  });

  it('a refinement keeps its message', () => {
    expect(messages(z.string().refine(() => false, '结束时间早于开始时间'), 'x')).toEqual(['结束时间早于开始时间']);
  });
});

describe('unknown fields', () => {
  it('suggests the nearest known key when it is close enough', () => {
    expect(messages(UNKNOWN, { organiser: 1 }, ['organizer', 'venue'])).toEqual(['未知字段“organiser”，请删掉或改正，您是不是要写 organizer？/ did you mean organizer?']);
    expect(messages(UNKNOWN, { zzzzzz: 1 }, ['organizer', 'venue'])).toEqual(['未知字段“zzzzzz”，请删掉或改正 / unknown field']);
    expect(messages(UNKNOWN, { abc: 1 }, [])).toEqual(['未知字段“abc”，请删掉或改正 / unknown field']);
  });

  it('close enough: within 2 edits, or a third of the key’s length for long keys', () => {
    const hint = (key: string, known: string) => messages(UNKNOWN, { [key]: 1 }, [known])[0]!.includes('您是不是要写');
    expect([hint('abX', 'abc'), hint('aXX', 'abc'), hint('XXX', 'abc')]).toEqual([true, true, false]);
    // 9 characters: 3 edits still count, 4 do not.
    expect([hint('abcdefXXX', 'abcdefghi'), hint('abcdeXXXX', 'abcdefghi')]).toEqual([true, false]);
  });
});
