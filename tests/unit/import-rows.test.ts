/**
 * One import record → one event's front matter (src/lib/import/import-rows.ts), the plan around it
 * (src/lib/import/import-plan.ts: problems merged and ordered, validator fields told as columns, messages
 * in both languages) and the spreadsheet's header row (src/lib/import/import-table.ts: headers as people
 * write them, title rows above, blank and duplicate columns, CSV details), on made-up content.
 * The fixture sheets and feed of import.test.ts go end to end; these pin each rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { emptyContent, type ContentSet, type ObservanceEntry, type OrganizerEntry, type VenueEntry } from '../../src/lib/content/model.ts';
import { formatRowProblem, planImport, refsLabel, splitBilingual } from '../../src/lib/import/import-plan.ts';
import { eventFromFlags } from '../../src/lib/import/event-from-flags.ts';
import { matchRegion } from '../../src/lib/import/import-match.ts';
import { mapRow, type RowProblem } from '../../src/lib/import/import-rows.ts';
import { COLUMNS, decodeText, fieldOfHeader, importDecoding, parseCsv, refLabel, tableToRecords, TEMPLATE_COLUMNS, type ImportRecord } from '../../src/lib/import/import-table.ts';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { ROOT } from '../helpers/build-site.ts';

const vocab = (id: string, label: string, extra: object = {}) => ({ id, label, aliases: [], ...extra });
function content(): ContentSet {
  return {
    ...emptyContent(),
    organizers: [
      { id: 'society', name: '示例科普学会', type: 'association', aliases: [], file: '' } as OrganizerEntry,
      { id: 'museum', name: '示例博物馆', type: 'museum', aliases: [], file: '' } as OrganizerEntry,
    ],
    venues: [{ id: 'hall', name: '示例科学中心', aliases: [], type: 'science-center', region: '110108', file: '' } as VenueEntry],
    observances: [{ id: 'first-aid-day', name: '世界急救日', nameEn: 'World First Aid Day', aliases: ['急救日'] } as ObservanceEntry],
    vocab: {
      topics: [vocab('health', '卫生健康', { labelEn: 'Health' })],
      audiences: [vocab('public', '公众', { aliases: ['大众'] })],
      formats: [vocab('talk', '讲座')],
      regions: [vocab('110108', '北京市海淀区', { labelEn: 'Haidian', aliases: ['海淀区'] }), vocab('110000', '北京市')],
    },
  };
}
const row = (cells: ImportRecord['cells'], n = 2): ImportRecord => ({ ref: { kind: 'row', n }, cells: { title: '测试讲座', start: '2026-09-12 14:00', organizer: '示例科普学会', ...cells } });
const map = (cells: ImportRecord['cells'], ctx: object = {}) => mapRow(row(cells), { content: content(), ...ctx });
const said = (problems: RowProblem[]) => problems.map((p) => `${p.field}${p.severity ? ` ${p.severity}` : ''}: ${p.message}${p.hint ? ` （${p.hint}）` : ''}`);

describe('one row → front matter', () => {
  it('a plain row', () => {
    const r = map({ description: '介绍。' });
    expect(r.problems).toEqual([]);
    expect(r.candidate).toEqual({
      ref: { kind: 'row', n: 2 },
      body: '介绍。',
      data: {
        title: '测试讲座', titleEn: undefined, kind: 'activity', summary: undefined, start: '2026-09-12T14:00', end: undefined, timezone: undefined, rrule: undefined,
        organizer: 'society', coOrganizers: [], venue: undefined, address: undefined, online: undefined, region: undefined, observance: undefined, campaign: undefined,
        topics: [], audiences: [], formats: [], registration: undefined, status: 'scheduled', url: undefined, updated: undefined, source: undefined, verified: undefined, note: undefined,
      },
    });
  });

  it('every column lands in its field', () => {
    const d = map({
      titleEn: 'Talk', kind: '征集', summary: '一句话', end: '16:30', timezone: 'Asia/Tokyo', rrule: 'FREQ=WEEKLY;COUNT=2', coOrganizers: '示例博物馆',
      region: '海淀区', observance: '急救日', campaign: 'first-aid-day', topics: '卫生健康、卫生健康', audiences: '大众', formats: '讲座', registration: 'https://r.example.org/',
      status: '延期', url: 'https://www.example.org/', source: '通知', verified: '否', note: '待核实',
    }, { now: '2026-11-25T10:00' }).candidate!.data;
    expect(d).toMatchObject({
      titleEn: 'Talk', kind: 'call', summary: '一句话', end: '2026-09-12T16:30', timezone: 'Asia/Tokyo', rrule: 'FREQ=WEEKLY;COUNT=2', coOrganizers: ['museum'], region: '110108',
      observance: 'first-aid-day', campaign: 'first-aid-day', topics: ['卫生健康'], audiences: ['大众'], formats: ['讲座'], registration: { url: 'https://r.example.org/' },
      status: 'postponed', url: 'https://www.example.org/', updated: '2026-11-25T10:00', source: { title: '通知' }, verified: false, note: '待核实',
    });
  });

  it('defaults fill empty cells only (an .ics feed’s --organizer)', () => {
    expect(map({ organizer: '' }, { defaults: { organizer: 'museum' } }).candidate!.data.organizer).toBe('museum');
    expect(map({}, { defaults: { organizer: 'museum' } }).candidate!.data.organizer).toBe('society');
  });

  it('organizers: the first hosts, the rest co-organize, each once; unknown ones are reported in their column', () => {
    expect(map({ organizer: '示例科普学会、示例博物馆、示例科普学会', coOrganizers: 'museum' }).candidate!.data).toMatchObject({ organizer: 'society', coOrganizers: ['museum'] });
    expect(said(map({ organizer: '示例科普学会', coOrganizers: '无名协会' }).problems)[0]).toMatch(/^coOrganizers: 找不到主办单位“无名协会”/);
    expect(said(map({ organizer: '无名协会' }).problems)[0]).toMatch(/^organizer: 找不到主办单位“无名协会”/);
    expect(said(map({ organizer: '' }).problems)).toEqual(['organizer: 请填写主办单位（已有单位的名称或编号）/ the organizer is missing']);
  });

  it('the place: a venue, an address, a link, or 线上 for none; the address column adds the exact spot', () => {
    const place = (cells: ImportRecord['cells']) => {
      const d = map(cells).candidate!.data;
      return [d.venue, d.address, d.online];
    };
    expect(place({ venue: '示例科学中心' })).toEqual(['hall', undefined, undefined]);
    expect(place({ venue: '示例科学中心', address: '二楼报告厅' })).toEqual(['hall', '二楼报告厅', undefined]);
    expect(place({ venue: '海淀区某路1号' })).toEqual([undefined, '海淀区某路1号', undefined]);
    expect(place({ venue: '海淀区某路1号', address: '三层' })).toEqual([undefined, '海淀区某路1号（三层）', undefined]);
    expect(place({ venue: '海淀区某路1号', address: '海淀区某路1号' })).toEqual([undefined, '海淀区某路1号', undefined]);
    expect(place({ venue: 'HTTPS://live.example.org/' })).toEqual([undefined, undefined, 'HTTPS://live.example.org/']);
    expect(place({ venue: 'http://live.example.org/', online: 'https://other.example.org/' })).toEqual([undefined, undefined, 'https://other.example.org/']);
    expect(place({ venue: '见 https://live.example.org/' })).toEqual([undefined, '见 https://live.example.org/', undefined]);
    for (const w of ['线上', '网上', '网络', '在线', '线上直播', '直播', 'online', 'ONLINE']) expect(place({ venue: w }), w).toEqual([undefined, undefined, undefined]);
  });

  it('status and kind words; 照常 writes no `updated`', () => {
    expect(map({ status: '照常' }, { now: '2026-11-25T10:00' }).candidate!.data).toMatchObject({ status: 'scheduled', updated: undefined });
    expect(map({ status: '取消' }).candidate!.data).toMatchObject({ status: 'cancelled', updated: undefined });
    expect(said(map({ status: '也许', kind: '讲座' }).problems)).toEqual([
      'status: 状态“也许”看不懂，请写 照常、取消、延期、改为线上（或 scheduled、cancelled、postponed、moved-online） / unknown status',
      'kind: 类型“讲座”看不懂，请写 活动、征集、申报截止（或 activity、call、deadline） / unknown kind',
    ]);
  });

  it('regions by label, English label, alias or code, in any case; unknown ones with a did-you-mean', () => {
    for (const t of ['北京市海淀区', 'haidian', '海淀区', '110108', ' 110108 ']) expect(matchRegion(t, content()), t).toEqual({ id: '110108' });
    expect(matchRegion('北京市海定区', content())).toEqual({
      error: '“北京市海定区”不在地区词表里，请写 content/vocab/regions.yaml 中的地区名称或编号 / "北京市海定区" is not in the regions vocabulary',
      hint: '您是不是要写“北京市海淀区”？/ did you mean 北京市海淀区?',
    });
    expect(matchRegion('火星', content())).toMatchObject({ hint: undefined });
    expect(said(map({ region: '火星' }).problems)).toEqual(['region: “火星”不在地区词表里，请写 content/vocab/regions.yaml 中的地区名称或编号 / "火星" is not in the regions vocabulary']);
  });

  it('observances and campaigns by name, English name, alias or id; an unknown id is left to the validator, an unknown name reported', () => {
    for (const t of ['世界急救日', 'world first aid day', '急救日', 'first-aid-day']) expect(map({ observance: t }).candidate!.data.observance, t).toBe('first-aid-day');
    expect(map({ observance: 'no-such-day' }).candidate!.data.observance).toBe('no-such-day');
    expect(said(map({ observance: '世界急救曰' }).problems)).toEqual(['observance: 找不到纪念日“世界急救曰”：请写 content/observances/ 里已有纪念日的名称或编号 / unknown observance "世界急救曰" （您是不是要写“世界急救日”？/ did you mean 世界急救日?）']);
    expect(said(map({ campaign: '不存在的活动季' }).problems)[0]).toMatch(/^campaign: 找不到纪念日“不存在的活动季”.+unknown observance "不存在的活动季"$/);
  });

  it('yes/no words for 已核实', () => {
    for (const w of ['是', '已核实', 'true', 'YES', 'y', '1']) expect(map({ verified: w }).candidate!.data.verified, w).toBe(true);
    for (const w of ['否', '未核实', '待核实', 'False', 'no', 'n', '0']) expect(map({ verified: w }).candidate!.data.verified, w).toBe(false);
    expect(said(map({ verified: '也许' }).problems)).toEqual(['verified: “也许”看不懂，请写 是 或 否 / write 是 (yes) or 否 (no)']);
  });

  it('.ics categories: words a vocabulary knows (any case) go to it, the rest are a warning', () => {
    const r = map({ categories: 'health、大众、讲座、天文、科幻' });
    expect(r.candidate!.data).toMatchObject({ topics: ['health'], audiences: ['大众'], formats: ['讲座'] });
    expect(said(r.problems)).toEqual(['categories warning: 分类“天文、科幻”不在词表里，未导入 / categories not in the vocabularies were left out']);
    expect(map({ categories: 'HEALTH' }).candidate!.data).toMatchObject({ topics: ['HEALTH'] });
  });

  it('a row with a problem also gets the schema’s word on its other cells, once per column', () => {
    const r = map({ organizer: '', title: '', registration: 'ftp://x', address: '\u0007' });
    expect(r.candidate).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['organizer', 'title', 'venue', 'registration']);
  });
});

describe('the plan', () => {
  const DIR = 'tests/fixtures/import/content';
  const existing = () => readContentFiles(join(ROOT, DIR), ROOT);

  it('reader problems are merged: warnings apart from errors, all in row order', () => {
    const p = planImport([row({ start: '2026-10-12 14:00', venue: '海淀区示例路1号' }, 5), row({ status: '也许' }, 3)], existing(), DIR, {
      problems: [
        { ref: { kind: 'row', n: 4 }, field: 'timezone', message: 'e4' },
        { ref: { kind: 'row', n: 1 }, field: '', message: 'w1', severity: 'warning' },
        { ref: { kind: 'row', n: 9 }, field: '', message: 'e9', severity: 'error' },
      ],
    });
    expect(p.errors.map((e) => `${e.ref.n} ${e.field}`)).toEqual(['3 status', '4 timezone', '9 ']);
    expect(p.warnings.map((e) => e.message)).toEqual(['w1']);
  });

  it('a validator error on the new file is told as the column it came from', () => {
    const p = planImport([row({ description: '<b>粗</b>', start: '2026-10-13 14:00', venue: '海淀区示例路1号' })], existing(), DIR);
    expect(p.errors.map((e) => `${e.ref.n} ${e.field}`)).toEqual(['2 description']);
    expect(p.files).toEqual([]);
  });

  it('“中文 / English” splits at the first “/ ” before Latin text, trimmed', () => {
    expect(splitBilingual('结束时间早于开始时间 / end is before start')).toEqual(['结束时间早于开始时间', 'end is before start']);
    expect(splitBilingual('没有这一天（2026/9/31）/ "x" not a day')).toEqual(['没有这一天（2026/9/31）', '"x" not a day']);
    expect(splitBilingual('只有中文')).toEqual(['只有中文', '只有中文']);
  });

  it('problems read as 行 n 列名: … / row n column: …, warnings marked, hints in both halves', () => {
    expect(formatRowProblem({ ref: { kind: 'row', n: 7 }, field: 'start', message: '没有这一天 / not a day', hint: '例如 2026-09-12 / e.g. 2026-09-12' })).toBe(
      '行 7 开始时间: 没有这一天（例如 2026-09-12） / row 7 start: not a day (e.g. 2026-09-12)',
    );
    expect(formatRowProblem({ ref: { kind: 'vevent', n: 2, uid: 'u@x' }, field: 'categories', message: '不在词表里 / not in the vocabularies', severity: 'warning' })).toBe(
      '第 2 个 VEVENT (u@x) CATEGORIES 分类: [提醒] 不在词表里 / VEVENT 2 (u@x) CATEGORIES: [warning] not in the vocabularies',
    );
    expect(formatRowProblem({ ref: { kind: 'row', n: 3 }, field: '', message: '整行 / whole row' })).toBe('行 3: 整行 / row 3: whole row');
  });
});

describe('the header row', () => {
  it('headers as people write them', () => {
    const headers: [string, string][] = [
      ['活动名称', 'title'], ['名称', 'title'], ['标题', 'title'], ['活动标题', 'title'], ['项目名称', 'title'], ['Title', 'title'],
      ['开始时间', 'start'], ['开始日期', 'start'], ['开始', 'start'], ['活动时间', 'start'], ['日期', 'start'], ['时间', 'start'],
      ['结束时间', 'end'], ['结束日期', 'end'], ['结束', 'end'],
      ['地点', 'venue'], ['活动地点', 'venue'], ['场馆', 'venue'], ['举办地点', 'venue'], ['Location', 'venue'],
      ['主办单位', 'organizer'], ['主办', 'organizer'], ['主办方', 'organizer'], ['举办单位', 'organizer'], ['承办单位', 'organizer'],
      ['面向人群', 'audiences'], ['人群', 'audiences'], ['对象', 'audiences'], ['活动对象', 'audiences'], ['受众', 'audiences'], ['参与对象', 'audiences'],
      ['主题', 'topics'], ['领域', 'topics'], ['主题领域', 'topics'], ['科普主题', 'topics'],
      ['形式', 'formats'], ['活动形式', 'formats'], ['活动类型', 'formats'],
      ['报名链接', 'registration'], ['报名网址', 'registration'], ['报名方式', 'registration'], ['报名', 'registration'],
      ['状态', 'status'], ['活动状态', 'status'],
      ['简介', 'description'], ['活动简介', 'description'], ['活动内容', 'description'], ['内容', 'description'], ['描述', 'description'], ['说明', 'description'],
      ['线上链接', 'online'], ['直播链接', 'online'], ['线上地址', 'online'], ['直播地址', 'online'], ['线上网址', 'online'],
      ['地区', 'region'], ['区域', 'region'], ['所在地区', 'region'], ['区县', 'region'], ['行政区', 'region'],
      ['类型', 'kind'], ['kind', 'kind'],
      ['详细地址', 'address'], ['地址', 'address'], ['活动地址', 'address'],
      ['协办单位', 'coOrganizers'], ['协办', 'coOrganizers'], ['合作单位', 'coOrganizers'], ['coOrganizers', 'coOrganizers'],
      ['活动网址', 'url'], ['官方网址', 'url'], ['网址', 'url'], ['链接', 'url'], ['详情链接', 'url'],
      ['一句话简介', 'summary'], ['摘要', 'summary'],
      ['相关纪念日', 'observance'], ['纪念日', 'observance'],
      ['活动季', 'campaign'], ['campaign', 'campaign'],
      ['信息来源', 'source'], ['来源', 'source'],
      ['已核实', 'verified'], ['是否核实', 'verified'],
      ['编者说明', 'note'], ['备注', 'note'],
      ['英文名称', 'titleEn'], ['titleEn', 'titleEn'],
      ['时区', 'timezone'],
    ];
    expect(headers.filter(([h, f]) => fieldOfHeader(h) !== f)).toEqual([]);
    expect(COLUMNS.map((c) => c.field)).toHaveLength(new Set(COLUMNS.map((c) => c.field)).size);
  });

  it('marks, hints in brackets, colons, spaces and full-width letters are ignored', () => {
    for (const h of ['开始时间*（如 2026-09-12）', '开始时间(必填)', '[必填]开始时间', '【必填】开始时间', '开始 时间：', 'ＳＴＡＲＴ', ' start: ']) expect(fieldOfHeader(h), h).toBe('start');
    expect(fieldOfHeader('开始时间备注')).toBeUndefined();
  });

  it('the header is the first of the top ten rows naming two known columns; row numbers count title and blank rows', () => {
    const grid = [['2026年科普月活动安排'], ['活动名称'], ['活动名称', '开始时间', '', '颜色', '开始日期'], ['讲座', '2026-09-12', 'x', '红', '2026-09-13'], [], ['', ''], ['展览', '2026-09-20']];
    const r = tableToRecords(grid);
    expect(r.records).toEqual([
      { ref: { kind: 'row', n: 4 }, cells: { title: '讲座', start: '2026-09-12' } },
      { ref: { kind: 'row', n: 7 }, cells: { title: '展览', start: '2026-09-20' } },
    ]);
    expect(r.notices.map((n) => n.message)).toEqual(['不认识的列“颜色”已忽略 / unknown column "颜色" ignored', '列“开始日期”与前面的列重复，已忽略 / duplicate column "开始日期" ignored']);
    const late = [...Array.from({ length: 10 }, () => ['说明文字']), ['活动名称', '开始时间'], ['讲座', '2026-09-12']];
    expect(tableToRecords(late).notices.map((n) => n.message)).toEqual([
      '找不到表头：第一行应是列名，例如 活动名称、开始时间、结束时间、地点、主办单位…，请使用 public/templates/ 里的模板 / no header row found: use the template in public/templates/',
    ]);
  });

  it('the shipped templates carry the first fourteen columns, then age, access and replay (issue 18), and their help', async () => {
    expect(TEMPLATE_COLUMNS.map((c) => c.field)).toEqual(['title', 'start', 'end', 'venue', 'organizer', 'audiences', 'topics', 'formats', 'registration', 'status', 'description', 'online', 'region', 'kind', 'age', 'access', 'replay']);
    const csv = readFileSync(join(ROOT, 'public/templates/events-template.csv'), 'utf8');
    expect(csv).toBe(`\ufeff${TEMPLATE_COLUMNS.map((c) => c.zh).join(',')}\r\n`);
    const guide = await readSheet(readFileSync(join(ROOT, 'public/templates/events-template.xlsx')), '填写说明');
    expect(guide.slice(1, 1 + TEMPLATE_COLUMNS.length).map((r) => r.map((v) => v ?? ''))).toEqual(TEMPLATE_COLUMNS.map((c) => [c.zh, c.required ? '必填' : '', c.help, c.example]));
  });

  it('CSV: a BOM only at the start is dropped; blank lines stay rows; quoted cells may span lines', () => {
    expect(parseCsv('\ufeff活动名称,开始时间\r\n\r\n"讲座\n第二行",2026-09-12')).toEqual([['活动名称', '开始时间'], [''], ['讲座\n第二行', '2026-09-12']]);
    expect(parseCsv('a,\ufeffb')).toEqual([['a', '\ufeffb']]);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0xb4, 0xbb]))).toBe('活');
    expect(decodeText(new Uint8Array([0xbb, 0xee]))).toBe('活');
  });
});

// Mutation testing (issue 22): these ran only in the CLI's child processes, where no mutant is seen.
describe('refsLabel: the rows or VEVENTs one message covers', () => {
  it('one reference is named as it is', () => {
    expect(refsLabel([{ kind: 'row', n: 7 }])).toEqual({ zh: '行 7', en: 'row 7' });
  });

  it('rows in order, runs of three or more shortened, pairs listed, each number once, the count', () => {
    const rows = [9, 2, 4, 3, 8, 6, 3].map((n) => ({ kind: 'row' as const, n }));
    expect(refsLabel(rows)).toEqual({ zh: '行 2–4、6、8、9（共 6 行）', en: 'rows 2–4, 6, 8, 9' });
    expect(refsLabel([10, 11].map((n) => ({ kind: 'row' as const, n })))).toEqual({ zh: '行 10、11（共 2 行）', en: 'rows 10, 11' });
    expect(refsLabel([1, 2, 3, 4, 5].map((n) => ({ kind: 'row' as const, n })))).toEqual({ zh: '行 1–5（共 5 行）', en: 'rows 1–5' });
  });

  it('VEVENTs are counted as 个', () => {
    const evs = [3, 1, 2, 5].map((n) => ({ kind: 'vevent' as const, n }));
    expect(refsLabel(evs)).toEqual({ zh: '第 1–3、5 个 VEVENT（共 4 个）', en: 'VEVENTs 1–3, 5' });
  });
});

describe('eventFromFlags: npm run new and /submit/ speak in flags', () => {
  const base = { title: '测试讲座', start: '2026-09-12 14:00', organizer: '示例科普学会' };

  it('registration details, the previous start, the source and keywords: what a row has no column for', () => {
    const r = eventFromFlags(
      { ...base, 'registration-required': '是', capacity: '40', fee: '0', deadline: '2026-09-10 18:00', 'registration-note': '带证件', full: 'no', 'previous-start': '2026-09-05 14:00', 'source-url': 'https://www.example.org/n', 'source-title': '通知', keywords: '急救、心肺复苏' },
      content(),
    );
    expect(r.problems).toEqual([]);
    expect(r.data!.registration).toEqual({ required: true, capacity: 40, fee: 0, deadline: '2026-09-10T18:00', note: '带证件', full: false });
    expect(r.data!.previousStart).toBe('2026-09-05T14:00');
    expect(r.data!.source).toEqual({ title: '通知', url: 'https://www.example.org/n' });
    expect(r.data!.keywords).toEqual(['急救', '心肺复苏']);
  });

  it('yes and no in the words people use; anything else is left for the schema to name; blanks are absent', () => {
    const req = (v: string) => (eventFromFlags({ ...base, 'registration-required': v }, content()).data!.registration as { required?: unknown }).required;
    for (const v of ['true', 'YES', 'y', '是', '需要', '1']) expect(req(v), v).toBe(true);
    for (const v of ['false', 'No', 'n', '否', '不需要', '0']) expect(req(v), v).toBe(false);
    expect(req('也许')).toBe('也许');
    const r = eventFromFlags({ ...base, capacity: '  ', deadline: '', 'previous-start': '' }, content());
    expect(r.data!.registration).toEqual({});
    expect(r.data!.previousStart).toBeUndefined();
    expect(r.data!.source).toBeUndefined();
    expect(r.data!.keywords).toEqual([]);
  });

  it('a flag that is not text (a bare --flag) counts as absent', () => {
    const r = eventFromFlags({ ...base, fee: true, keywords: true }, content());
    expect((r.data!.registration as { fee?: number }).fee).toBeUndefined();
    expect(r.data!.keywords).toEqual([]);
  });

  it('without the cells a row needs: no data, the row’s problems', () => {
    const r = eventFromFlags({ title: '测试讲座' }, content());
    expect(r.data).toBeUndefined();
    expect(r.body).toBe('');
    expect(r.problems.length).toBeGreaterThan(0);
  });
});

describe('importDecoding: what a whole spreadsheet may be saved as', () => {
  it('GB18030 and UTF-16 with their byte-order mark convert; mixed files and anything else do not', () => {
    expect(importDecoding('GBK/GB18030')).toBe('gb18030');
    expect(importDecoding('UTF-16LE')).toBe('utf-16le');
    expect(importDecoding('UTF-16BE')).toBe('utf-16be');
    for (const e of ['UTF-8', 'UTF-32', 'UTF-8 + GBK/GB18030', 'unknown'] as const) expect(importDecoding(e), e).toBeUndefined();
  });

  it('a row or a VEVENT (with its UID) as messages name them', () => {
    expect(refLabel({ kind: 'row', n: 3 })).toEqual({ zh: '行 3', en: 'row 3' });
    expect(refLabel({ kind: 'vevent', n: 2, uid: 'x@example.org' })).toEqual({ zh: '第 2 个 VEVENT (x@example.org)', en: 'VEVENT 2 (x@example.org)' });
    expect(refLabel({ kind: 'vevent', n: 2 })).toEqual({ zh: '第 2 个 VEVENT', en: 'VEVENT 2' });
  });
});

