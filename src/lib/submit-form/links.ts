/**
 * Where a finished submission goes (src/lib/submit-form.ts): GitHub's “new file” page and a new
 * issue, both pre-filled, and a mail for people without a GitHub account. Every link stays under
 * LINK_MAX; a file too long for it goes by clipboard instead.
 */
import { LINK_MAX, mailtoLink } from '../contact.ts';
import type { SubmittedFile } from './check.ts';

export { DEFAULT_REPO, repoSlug } from '../contact.ts';
export const DEFAULT_BRANCH = 'main';
/**
 * GitHub answers “414 URI Too Long” above about 8 KB; a Chinese character takes 9 characters
 * once percent-encoded, so long descriptions do not fit and the file goes by clipboard instead.
 */
export const GITHUB_URL_MAX = LINK_MAX;

export interface GithubLink {
  href: string;
  /** False when the file was too long for the link: the person pastes it (it is copied first). */
  complete: boolean;
}

const q = (s: string) => encodeURIComponent(s);

/** GitHub's “new file” page with the path and the file filled in (it offers a fork and a pull request). */
export function newFileLink(repo: string, branch: string, path: string, text: string): GithubLink {
  const base = `https://github.com/${repo}/new/${q(branch)}?filename=${q(path).replace(/%2F/g, '/')}`;
  const full = `${base}&value=${q(text)}`;
  return full.length <= GITHUB_URL_MAX ? { href: full, complete: true } : { href: base, complete: false };
}

/** A new issue carrying the file, for people who do not make pull requests; a maintainer adds it. */
export function newIssueLink(repo: string, title: string, path: string, text: string): GithubLink {
  const intro = `这是用网站“提交活动”表单生成的活动文件，请维护者审核后添加。\nA new event file made with the site's submit form; please review and add it.\n\n文件路径 / path: \`${path}\`\n\n`;
  const full = issueUrl(repo, title, intro + fenced(text, 'markdown'));
  if (full.length <= GITHUB_URL_MAX) return { href: full, complete: true };
  const paste = `${intro}文件内容太长，放不进链接：已复制到剪贴板，请粘贴在这里。\nThe file was too long for the link: it is on your clipboard, please paste it here.\n\n`;
  return { href: issueUrl(repo, title, paste), complete: false };
}

/** The issue for a submission of one or more files (a new organizer travels with its event). */
export function submissionIssueLink(repo: string, title: string, files: SubmittedFile[]): GithubLink {
  if (files.length === 1) return newIssueLink(repo, title, files[0]!.path, files[0]!.text);
  const intro = `这是用网站“提交活动”表单生成的文件（新单位和活动），请维护者审核后添加。\nFiles made with the site's submit form (a new organizer and an event); please review and add them.\n\n`;
  const blocks = files.map((f) => `文件路径 / path: \`${f.path}\`\n\n${fenced(f.text, f.path.endsWith('.md') ? 'markdown' : 'yaml')}`).join('\n');
  const full = issueUrl(repo, title, intro + blocks);
  if (full.length <= GITHUB_URL_MAX) return { href: full, complete: true };
  return { href: issueUrl(repo, title, `${intro}文件内容太长，放不进链接：已复制到剪贴板，请粘贴在这里。\nThe files were too long for the link: they are on your clipboard, please paste them here.\n\n`), complete: false };
}

/** GitHub's “new issue” page with the title and body filled in. */
function issueUrl(repo: string, title: string, body: string): string {
  return `https://github.com/${repo}/issues/new?title=${q(`[新活动] ${title}`)}&body=${q(body)}`;
}

/** The text in a Markdown code fence longer than any run of backticks inside it. */
function fenced(text: string, lang: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${text}${fence}\n`;
}

export interface MailSummary {
  title: string;
  /** As typed (2026-09-12 14:00) or as written in the file. */
  start?: string;
  end?: string;
  /** The organizer's name; `isNew` when the submission adds it. */
  organizer?: string;
  isNew?: boolean;
}

/**
 * The submission as a mail a person reads: what it is and when, then each file between lines
 * that say its path. Too long for a link → the body asks to paste (the page copies the files
 * first) or to attach the downloaded files.
 */
export function submissionMailLink(address: string, summary: MailSummary, files: SubmittedFile[]): GithubLink {
  const subject = `[新活动] ${summary.title}`;
  const when = [summary.start, summary.end].filter(Boolean).join(' 至 ');
  const intro = [
    '您好，',
    '',
    '请把下面的活动收录到科普日历。内容由网站的“提交活动”表单生成，已按网站的规则检查过。',
    "Please add this event to Kepu Calendar (made and checked by the site's submit form).",
    '',
    `活动 / Event: ${summary.title}`,
    ...(when ? [`时间 / When: ${when}`] : []),
    ...(summary.organizer ? [`主办单位 / Organizer: ${summary.organizer}${summary.isNew ? '（新单位，文件附在下面 / new, file below）' : ''}`] : []),
    '',
  ].join('\n');
  const blocks = files.map((f, i) => `===== 文件 ${i + 1}/${files.length} / file: ${f.path} =====\n${f.text.replace(/\n$/, '')}\n===== 文件结束 / end of file =====\n`).join('\n');
  const full = mailtoLink(address, subject, `${intro}\n${blocks}`);
  if (full.length <= LINK_MAX) return { href: full, complete: true };
  const paste = `${intro}\n文件太长，放不进邮件链接：已复制到剪贴板，请粘贴在这里，或把下载的文件作为附件发送。\nThe files were too long for a mail link: they are on your clipboard; paste them here or attach the downloaded files.\n`;
  return { href: mailtoLink(address, subject, paste), complete: false };
}

/** The text the page copies when a link could not carry the files. */
export function filesAsText(files: SubmittedFile[]): string {
  return files.length === 1 ? files[0]!.text : files.map((f) => `# ${f.path}\n${f.text}`).join('\n');
}
