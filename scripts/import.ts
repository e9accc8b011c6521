#!/usr/bin/env node
/**
 * npm run import -- <file.xlsx | file.csv | feed.ics> [options]
 *
 * One event file per row (or VEVENT), checked together with the existing content exactly as
 * `npm run validate` checks it. By default nothing is written unless every new row is valid, so a
 * spreadsheet is imported whole or not at all and the pull request stays one clean unit; with
 * --skip-invalid the valid rows are written and the others reported. Each file is written
 * atomically. Duplicates (same title, same day, same organizer or venue) are skipped with a notice.
 *
 *   --dry-run           only report; write nothing
 *   --skip-invalid      write the valid rows even if other rows have problems
 *   --organizer <名称>  organizer for rows that leave it empty (and for every VEVENT of a feed)
 *   --region --topics --audiences --formats <值>   values for empty cells
 *   --timezone <IANA>   zone for UTC and floating times in .ics (default Asia/Shanghai)
 *   --template          (re)write public/templates/events-template.csv and .xlsx
 *   --now <YYYY-MM-DDTHH:mm>  time written as `updated` for cancelled/postponed rows (tests)
 */
import { existsSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, readContentFiles } from '../src/lib/content/content-fs.ts';
import { formatError } from '../src/lib/content/errors.ts';
import { readImportSource, writeFilesAtomically, writeTemplates } from '../src/lib/import/import-fs.ts';
import { formatRowProblem, planImport } from '../src/lib/import/import-plan.ts';
import { refLabel } from '../src/lib/import/import-table.ts';
import { nowIn, SITE_ZONE } from '../src/lib/time/days.ts';

const HELP = `用法 / usage: npm run import -- <文件.xlsx|文件.csv|日历.ics> [--dry-run] [--skip-invalid] [--organizer 名称]
  --dry-run        只检查并报告，不写文件 / only report
  --skip-invalid   有问题的行跳过，其余照常写入 / write the valid rows anyway
  --organizer      表里没写主办单位时使用（.ics 的每个活动都用它）/ organizer for empty cells and .ics feeds
  --region --topics --audiences --formats   空白单元格的默认值 / defaults for empty cells
  --timezone       .ics 中 UTC 时间换算到的时区（默认 ${SITE_ZONE}）/ zone for UTC times
  --template       重新生成 public/templates/ 里的模板 / rewrite the templates
模板 / template: public/templates/events-template.xlsx 或 .csv`;

function options(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      organizer: { type: 'string' },
      region: { type: 'string' },
      topics: { type: 'string' },
      audiences: { type: 'string' },
      formats: { type: 'string' },
      timezone: { type: 'string' },
      template: { type: 'boolean' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** What the plan found, one line each: existing problems, duplicates skipped, warnings, errors. */
function printPlan(plan: ReturnType<typeof planImport>): void {
  if (plan.existingErrors.length) {
    console.log(`  ! 现有内容里已有 ${plan.existingErrors.length} 个问题（与本次导入无关，运行 npm run validate 查看）/ the existing content already has problems, see npm run validate`);
    for (const e of plan.existingErrors.slice(0, 3)) console.log(`    ${formatError(e)}`);
  }
  for (const s of plan.skipped) console.log(`  = ${s.message}`);
  for (const w of plan.warnings) console.log(`  ! ${formatRowProblem(w)}`);
  for (const e of plan.errors) console.log(`  ✗ ${formatRowProblem(e)}`);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = options(argv);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.template) {
    for (const f of await writeTemplates()) console.log(`✓ ${f}`);
    return 0;
  }
  const file = positionals[0];
  if (!file) {
    console.error(HELP);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`✗ 找不到文件 ${file} / file not found`);
    return 2;
  }

  // 1. Read the source and the existing content.
  const source = await readImportSource(file, { zone: values.timezone, organizer: values.organizer });
  const root = contentRoot();
  const contentDir = relative(process.cwd(), root).split('\\').join('/') || '.';
  const existing = readContentFiles(root);
  console.log(`读取 ${basename(file)}：${source.records.length} 条记录 / read ${source.records.length} record(s)`);
  for (const n of source.notices) console.log(`  ! ${n}`);

  // 2. Plan: map, de-duplicate, build and validate.
  const plan = planImport(source.records, existing, contentDir, {
    now: values.now ?? nowIn(new Date()),
    problems: source.problems,
    defaults: { organizer: values.organizer, region: values.region, topics: values.topics, audiences: values.audiences, formats: values.formats },
  });
  printPlan(plan);

  // 3. Write (or not).
  const badRows = plan.badRows;
  const summary = `${plan.files.length} 个新活动、${plan.skipped.length} 个重复已跳过、${badRows} 条有问题 / ${plan.files.length} new, ${plan.skipped.length} duplicate(s) skipped, ${badRows} with problems`;
  if (values['dry-run']) {
    for (const f of plan.files) console.log(`  + ${refLabel(f.ref).zh} → ${f.path}`);
    console.log(`\n演练模式，没有写入任何文件 / dry run, nothing written: ${summary}`);
    return badRows ? 1 : 0;
  }
  if (badRows && !values['skip-invalid']) {
    console.error(
      `\n✗ 没有写入任何文件：请改正上面 ${badRows} 条记录后重新导入（已导入的不会重复），或加 --skip-invalid 先导入没有问题的行 / nothing written: fix the rows above and run again, or use --skip-invalid`,
    );
    return 1;
  }
  writeFilesAtomically(plan.files);
  for (const f of plan.files) console.log(`  + ${refLabel(f.ref).zh} → ${f.path}`);
  console.log(`\n${badRows ? '⚠' : '✓'} ${summary}`);
  if (plan.files.length) console.log('下一步：检查新文件，补充简介，然后提交 pull request / next: review the new files and open a pull request');
  return badRows ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`✗ 导入失败 / import failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
