/**
 * The live preview of the file(s) and the ways to send them. Mail first: it needs no account, and
 * GitHub is unreliable from the mainland. Then GitHub's “new file” page pre-filled (a pull
 * request; one file only, so not with a new organizer), a pre-filled issue, and copy / download.
 */
import { type Ref, useState } from 'react';
import { filesAsText, type MailSummary, newFileLink, submissionFiles, submissionIssueLink, submissionMailLink, type Submission } from '../../lib/submit-form.ts';

interface Props {
  ref: Ref<HTMLHeadingElement>;
  result: Submission;
  checked: boolean;
  repo: string;
  branch: string;
  email: string;
  summary: MailSummary;
  slugPending: boolean;
  slugFailed: boolean;
}

async function copyText(text: string): Promise<boolean> {
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

function downloadFile(path: string, text: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const url = URL.createObjectURL(new Blob([text], { type: name.endsWith('.md') ? 'text/markdown;charset=utf-8' : 'application/yaml;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

export default function SubmitResult({ ref, result, checked, repo, branch, email, summary, slugPending, slugFailed }: Props) {
  const [status, setStatus] = useState('');
  const { text, path, errors, organizerFile } = result;
  const files = submissionFiles(result);
  const ready = Boolean(text && path && errors.length === 0);
  const all = filesAsText(files);
  const copy = async () => setStatus((await copyText(all)) ? '已复制文件内容。/ Copied.' : '无法自动复制，请在预览中全选后复制。/ Copy failed: select the preview and copy.');
  const fileLink = ready && !organizerFile ? newFileLink(repo, branch, path!, text!) : undefined;
  const issueLink = ready ? submissionIssueLink(repo, summary.title, files) : undefined;
  const mailLink = ready ? submissionMailLink(email, summary, files) : undefined;
  const copyFirst = (complete: boolean) => (complete ? undefined : () => void copy());
  const long = [fileLink, issueLink, mailLink].some((l) => l && !l.complete);

  return (
    <aside className="submit-result" aria-labelledby="result-title">
      <h2 id="result-title" ref={ref} tabIndex={-1}>
        生成的文件
      </h2>
      {path ? (
        <p className="result-path">
          保存位置：<code>{path}</code>
          {organizerFile && (
            <>
              <br />
              新单位：<code>{organizerFile.path}</code>
            </>
          )}
        </p>
      ) : (
        <p className="muted">
          {slugPending
            ? '正在生成文件名…'
            : slugFailed
              ? '生成文件名的组件没有加载成功，请检查网络后刷新页面。'
              : text
                ? '开始时间写对后，这里显示保存位置（文件名）。'
                : '填写活动名称和开始时间后，这里显示保存位置（文件名）。'}
        </p>
      )}
      {text ? (
        <pre className="file-preview" tabIndex={0} aria-label="文件内容预览" data-testid="file-preview">
          {organizerFile ? all : text}
        </pre>
      ) : (
        <p className="muted">填写活动名称、开始时间和主办单位后，这里实时显示将要提交的文件。</p>
      )}
      {ready && issueLink && mailLink ? (
        <div className="send">
          <h3>提交</h3>
          {long && <p className="field-warning">文件较长，放不进链接：点下面的按钮时会先把文件复制到剪贴板，请在打开的页面或邮件中粘贴。</p>}
          <p>
            <a className="button" href={mailLink.href} onClick={copyFirst(mailLink.complete)} data-testid="mail-submit">
              发送邮件
            </a>
          </p>
          <p className="muted">
            不需要 GitHub 账号。会打开您的邮件程序，收件人是 <code>{email}</code>，文件已经写在正文里，直接发送即可。没有邮件程序（例如用网页邮箱）时，点“下载文件”，再把文件作为附件发到这个地址。
          </p>
          {fileLink ? (
            <>
              <p>
                <a className="button secondary" href={fileLink.href} target="_blank" rel="noopener" onClick={copyFirst(fileLink.complete)} data-testid="github-new-file">
                  在 GitHub 上创建文件（拉取请求）
                </a>
              </p>
              <p className="muted">需要 GitHub 账号。GitHub 会打开“新建文件”页面，文件名和内容已经填好；您没有本仓库的写权限时，GitHub 会先替您复制（fork）仓库。在页面底部点“Propose new file”，再点“Create pull request”。审核通过后活动就会出现在网站上。</p>
            </>
          ) : (
            <p className="muted">新单位和活动是两个文件，GitHub 的“新建文件”页面一次只能建一个：请用邮件或下面的议题提交，维护者会一起添加。</p>
          )}
          <p>
            <a className="button secondary" href={issueLink.href} target="_blank" rel="noopener" onClick={copyFirst(issueLink.complete)} data-testid="github-issue">
              提交议题，由维护者添加
            </a>
          </p>
          <p className="muted">不熟悉拉取请求？提交一个议题（也需要 GitHub 账号），文件会附在议题里，维护者审核后替您添加。</p>
          <p className="actions">
            <button type="button" className="secondary" onClick={() => void copy()}>
              复制文件内容
            </button>
            {files.map((f, i) => (
              <button key={f.path} type="button" className="secondary" onClick={() => setStatus(`已下载 ${downloadFile(f.path, f.text)}。/ Downloaded.`)} data-testid={i === files.length - 1 ? 'download-event' : 'download-organizer'}>
                {files.length > 1 ? (i === files.length - 1 ? '下载活动文件' : '下载单位文件') : '下载文件'}
              </button>
            ))}
          </p>
          <p className="muted">
            邮件发到 <code>{email}</code>（网站构建时由设置 KEPU_MAIL 决定），GitHub 仓库是 <code>{repo}</code>（设置 KEPU_REPO）。
          </p>
        </div>
      ) : (
        <p>{checked && errors.length ? `还有 ${errors.length} 个问题，请先修改（见表单上方的列表）。` : '填好后点“检查并生成文件”；没有问题时，这里会出现提交按钮。'}</p>
      )}
      <p role="status" className="copy-status">
        {status}
      </p>
    </aside>
  );
}
