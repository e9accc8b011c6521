/**
 * The ways to send a ready submission, under the /submit/ preview (SubmitResult.tsx). Mail first:
 * it needs no account, and GitHub is unreliable from the mainland. Then GitHub's “new file” page
 * pre-filled (a pull request; one file only, so not with a new organizer), a pre-filled issue, and
 * copy / download. A link too long for its files copies them first, to be pasted.
 */
import { type MailSummary, newFileLink, type Submission, submissionIssueLink, submissionMailLink, type SubmittedFile } from '../../lib/submit-form.ts';
import { downloadFile } from './browser-files.ts';

interface Props {
  /** A ready submission: text and path set, no errors. */
  result: Submission;
  files: SubmittedFile[];
  repo: string;
  branch: string;
  email: string;
  summary: MailSummary;
  copy: () => Promise<void>;
  setStatus: (status: string) => void;
}

export default function SendPanel({ result, files, repo, branch, email, summary, copy, setStatus }: Props) {
  const fileLink = !result.organizerFile ? newFileLink(repo, branch, result.path!, result.text!) : undefined;
  const issueLink = submissionIssueLink(repo, summary.title, files);
  const mailLink = submissionMailLink(email, summary, files);
  const copyFirst = (complete: boolean) => (complete ? undefined : () => void copy());
  const long = [fileLink, issueLink, mailLink].some((l) => l && !l.complete);
  return (
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
      <FileActions files={files} copy={copy} setStatus={setStatus} />
      <p className="muted">
        邮件发到 <code>{email}</code>（网站构建时由设置 KEPU_MAIL 决定），GitHub 仓库是 <code>{repo}</code>（设置 KEPU_REPO）。
      </p>
    </div>
  );
}

/** Copy every file at once, or download each (the new organizer's first). */
function FileActions({ files, copy, setStatus }: Pick<Props, 'files' | 'copy' | 'setStatus'>) {
  return (
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
  );
}
