/**
 * What a pull did, in words: the one-line count (新增 3、更新 1、取消 1), the terminal report, and
 * the pull request a maintainer reviews (title and Markdown body). Pure.
 */
import type { PullNote } from './notes.ts';
import type { PullPlan } from './plan.ts';

export interface SourceLabel {
  id?: string;
  url: string;
  /** The organizer's name and id. */
  organizer: { id: string; name?: string };
}

export function counts(plan: PullPlan): { new: number; update: number; cancel: number } {
  const n = (k: string) => plan.changes.filter((c) => c.kind === k).length;
  return { new: n('new'), update: n('update'), cancel: n('cancel') };
}

/** `新增 3、更新 1、取消 1 / 3 new, 1 updated, 1 cancelled` */
export function countLine(plan: PullPlan): string {
  const c = counts(plan);
  return `新增 ${c.new}、更新 ${c.update}、取消 ${c.cancel} / ${c.new} new, ${c.update} updated, ${c.cancel} cancelled`;
}

/** The rest of the tally, only what is not zero: `未变 5、冲突 1、有问题 2`. */
function restLine(plan: PullPlan): string {
  const parts: [string, string, number][] = [
    ['未变', 'unchanged', plan.unchanged],
    ['冲突', 'conflicts', plan.conflicts.length],
    ['有问题', 'with problems', plan.problems.length],
    ['跳过', 'skipped', plan.skipped.length],
  ];
  const shown = parts.filter((p) => p[2] > 0);
  return shown.length ? `${shown.map((p) => `${p[0]} ${p[2]}`).join('、')} / ${shown.map((p) => `${p[2]} ${p[1]}`).join(', ')}` : '';
}

const who = (s: SourceLabel) => s.organizer.name ?? s.organizer.id;
const label = (n: { title: string; uid: string }) => (n.title ? `「${n.title}」` : `UID ${n.uid}`);

/** Lines for the terminal, one per file or problem. */
export function reportLines(plan: PullPlan, source: SourceLabel): string[] {
  const out = [`${who(source)} ${source.url}`, `  ${countLine(plan)}${restLine(plan) ? `；${restLine(plan)}` : ''}`];
  const sign = { new: '+', update: '~', cancel: '×' } as const;
  for (const c of plan.changes) out.push(`  ${sign[c.kind]} ${c.path} ${label(c)}${c.from ? `（从 ${c.from} 移来 / moved）` : ''}${c.detail ? ` — ${c.detail}` : ''}`);
  for (const n of plan.conflicts) out.push(`  ! ${n.path ?? ''} ${label(n)}: ${n.message}`);
  for (const n of plan.problems) out.push(`  ✗ ${label(n)}${n.uid && n.title ? ` (${n.uid})` : ''} ${n.message}`);
  for (const n of plan.skipped) out.push(`  = ${label(n)} ${n.message}`);
  for (const n of plan.warnings) out.push(`  ! ${label(n)} ${n.message}`);
  for (const n of plan.notices) out.push(`  ! ${n}`);
  return out;
}

/** The pull request for one source: a maintainer reads what changed and why, then merges. */
export function pullRequest(plan: PullPlan, source: SourceLabel, fetched: string): { title: string; body: string } {
  const c = counts(plan);
  const title = `拉取${who(source)}的日历：新增 ${c.new}、更新 ${c.update}、取消 ${c.cancel}`;
  const list = (items: string[]) => items.map((x) => `- ${x}`).join('\n');
  const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
  const notes = (ns: PullNote[]) => list(ns.map((n) => `${label(n)}${n.path ? ` ${code(n.path)}` : ''}：${n.message}`));
  const sections: [string, string][] = [
    ['新增 / New', list(plan.changes.filter((x) => x.kind === 'new').map((x) => `${label(x)} ${code(x.path)}`))],
    ['更新 / Updated', list(plan.changes.filter((x) => x.kind === 'update').map((x) => `${label(x)} ${code(x.path)}${x.from ? `（从 ${code(x.from)} 移来）` : ''} — 变化 / changed: ${x.detail}`))],
    ['取消 / Cancelled', list(plan.changes.filter((x) => x.kind === 'cancel').map((x) => `${label(x)} ${code(x.path)} — ${x.detail}`))],
    ['冲突：人工改过，没有覆盖 / Conflicts: edited by a person, not overwritten', notes(plan.conflicts)],
    ['有问题，没有写入 / Problems: not written', notes(plan.problems)],
    ['跳过 / Skipped', notes(plan.skipped)],
    ['提醒 / Notes', [notes(plan.warnings), list(plan.notices)].filter(Boolean).join('\n')],
  ];
  const body = [
    `来源 / Source: ${source.url}`,
    `主办单位 / Organizer: ${who(source)}（${code(source.organizer.id)}）`,
    `拉取时间 / Fetched: ${fetched.replace('T', ' ')}（北京时间 / Beijing time）`,
    '',
    `**${countLine(plan)}**${restLine(plan) ? `　${restLine(plan)}` : ''}`,
    ...sections.filter(([, text]) => text).flatMap(([head, text]) => ['', `### ${head}`, '', text]),
    '',
    '---',
    '这个拉取请求由每日的自动拉取生成（`npm run pull`，`.github/workflows/pull.yml`）。请核对来源后合并；每个文件的 `feed` 记录了出处。人工改过的文件不会被覆盖，出现在“冲突”里。',
    'Opened by the daily pull. Check the source, then merge; each file records its provenance in `feed`. Files edited by a person are never overwritten (see Conflicts).',
    '',
  ].join('\n');
  return { title, body };
}
