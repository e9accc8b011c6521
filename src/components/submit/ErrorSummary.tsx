/**
 * The GOV.UK error summary: at the top of the form, focused after “检查”, one link per problem
 * (Chinese first) that moves focus to the field and scrolls its label or legend into view.
 */
import type { MouseEvent, Ref } from 'react';
import { FIELD_LABELS, type FieldProblem, type FormField, splitMessage } from '../../lib/submit-form.ts';
import { controlId } from './Field.tsx';

function jump(field: FormField) {
  return (ev: MouseEvent<HTMLAnchorElement>) => {
    const input = document.getElementById(controlId(field));
    if (!input) return;
    ev.preventDefault();
    const caption = document.querySelector(`label[for="${controlId(field)}"]`) ?? document.getElementById(`${controlId(field)}-legend`);
    (caption ?? input).scrollIntoView({ block: 'start' });
    input.focus({ preventScroll: true });
  };
}

export default function ErrorSummary({ ref, errors }: { ref: Ref<HTMLDivElement>; errors: FieldProblem[] }) {
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        有 {errors.length} 个问题需要修改 <span lang="en" className="en">/ There is a problem</span>
      </h2>
      <ul>
        {errors.map((e, i) => {
          const m = splitMessage(e.message);
          const text = `${e.field ? `${FIELD_LABELS[e.field].replace(/（.*?）$/, '')}：` : ''}${m.zh}`;
          return (
            <li key={i}>
              {e.field ? (
                <a href={`#${controlId(e.field)}`} onClick={jump(e.field)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
