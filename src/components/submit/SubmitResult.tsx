/**
 * The live preview of the file(s), where they will be saved, and — once the form is checked and
 * without errors — the ways to send them (SendPanel.tsx).
 */
import { type Ref, useState } from 'react';
import { filesAsText, type MailSummary, submissionFiles, type Submission } from '../../lib/submit-form.ts';
import { copyText } from './browser-files.ts';
import SendPanel from './SendPanel.tsx';

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

/** Where the file will be saved (and the new organizer's file), or why there is no path yet. */
function SavePath({ result, slugPending, slugFailed }: Pick<Props, 'result' | 'slugPending' | 'slugFailed'>) {
  const { text, path, organizerFile } = result;
  return path ? (
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
  );
}

export default function SubmitResult({ ref, result, checked, repo, branch, email, summary, slugPending, slugFailed }: Props) {
  const [status, setStatus] = useState('');
  const { text, path, errors, organizerFile } = result;
  const files = submissionFiles(result);
  const ready = Boolean(text && path && errors.length === 0);
  const all = filesAsText(files);
  const copy = async () => setStatus((await copyText(all)) ? '已复制文件内容。/ Copied.' : '无法自动复制，请在预览中全选后复制。/ Copy failed: select the preview and copy.');

  return (
    <aside className="submit-result" aria-labelledby="result-title">
      <h2 id="result-title" ref={ref} tabIndex={-1}>
        生成的文件
      </h2>
      <SavePath result={result} slugPending={slugPending} slugFailed={slugFailed} />
      {text ? (
        <pre className="file-preview" tabIndex={0} aria-label="文件内容预览" data-testid="file-preview">
          {organizerFile ? all : text}
        </pre>
      ) : (
        <p className="muted">填写活动名称、开始时间和主办单位后，这里实时显示将要提交的文件。</p>
      )}
      {ready ? (
        <SendPanel result={result} files={files} repo={repo} branch={branch} email={email} summary={summary} copy={copy} setStatus={setStatus} />
      ) : (
        <p>{checked && errors.length ? `还有 ${errors.length} 个问题，请先修改（见表单上方的列表）。` : '填好后点“检查并生成文件”；没有问题时，这里会出现提交按钮。'}</p>
      )}
      <p role="status" className="copy-status">
        {status}
      </p>
    </aside>
  );
}
