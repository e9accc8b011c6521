/**
 * Turn zod issues into the project's bilingual messages. Custom messages written in schema.ts are
 * kept as they are; zod's built-in English ones are replaced by something a contributor can act on.
 */
import type { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';

type Issue = z.core.$ZodIssue;

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（- 开头的多行，或 [a, b]）',
  object: '一组字段',
  date: '日期',
};

/** Needs issues parsed with `{ reportInput: true }` to tell a missing field from a wrong one. */
export function zodIssueMessage(iss: Issue, knownKeys: string[]): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return '缺少必填字段，请补上 / required field is missing';
      if (iss.input === null) return '这个字段没有填值，请填写或删掉这一行 / the field is empty: fill it in or remove the line';
      const want = TYPE_ZH[iss.expected] ?? iss.expected;
      if (iss.message && !iss.message.startsWith('Invalid input')) return iss.message;
      return `应该是${want} / expected ${iss.expected}`;
    }
    case 'unrecognized_keys': {
      // Stryker disable next-line StringLiteral: unreachable — zod reports an unrecognized_keys issue with at least one key
      const key = iss.keys[0] ?? '';
      // Stryker disable next-line StringLiteral: equivalent — with no known keys any stand-in is too far from a real key to be suggested
      const near = knownKeys.length ? closest(key, knownKeys) : '';
      const hint = near && distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? `，您是不是要写 ${near}？/ did you mean ${near}?` : '';
      return `未知字段“${key}”，请删掉或改正${hint}${hint ? '' : ' / unknown field'}`;
    }
    case 'too_small':
      if (iss.origin === 'number') return `不能小于 ${iss.minimum} / must be at least ${iss.minimum}`;
      if (iss.origin === 'array') return `至少写 ${iss.minimum} 项 / at least ${iss.minimum} item(s)`;
      return iss.message && !iss.message.startsWith('Too small') ? iss.message : '不能为空 / must not be empty';
    case 'too_big':
      if (iss.origin === 'number') return `不能大于 ${iss.maximum} / must be at most ${iss.maximum}`;
      return iss.message && !iss.message.startsWith('Too big') ? iss.message : `太长了，最多 ${iss.maximum} / too long (max ${iss.maximum})`;
    case 'invalid_value':
      if (iss.message && !iss.message.startsWith('Invalid')) return iss.message;
      return `只能是 ${iss.values.map(String).join('、')} / must be one of ${iss.values.map(String).join(', ')}`;
    case 'invalid_format':
      return iss.message && !iss.message.startsWith('Invalid') ? iss.message : `格式不对 / invalid format`;
    case 'invalid_union':
      if (iss.input === undefined) return '缺少必填字段，请补上 / required field is missing';
      return iss.message && !iss.message.startsWith('Invalid') ? iss.message : '写法不对，请参照示例 / invalid value: see the example';
    default:
      // Stryker disable next-line StringLiteral: unreachable — zod gives every issue a message
      return iss.message || '写法不对 / invalid value';
  }
}
