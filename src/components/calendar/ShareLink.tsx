import { useState } from 'react';

/** In-app browsers (WeChat …) hide the address bar: a button copies the filtered view's link. */
export default function ShareLink() {
  const [done, setDone] = useState('');
  const copy = () =>
    navigator.clipboard?.writeText(window.location.href).then(
      () => setDone('链接已复制'),
      () => setDone('请从地址栏复制链接'),
    ) ?? setDone('请从地址栏复制链接');
  return (
    <p className="kp-share">
      <button type="button" className="secondary" onClick={copy}>复制链接</button> <span role="status">{done}</span>
    </p>
  );
}
