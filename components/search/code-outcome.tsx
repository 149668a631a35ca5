import { PageLink } from '@/components/page-link';
import type { CodeOutcome } from '@/server/search/types';

/** What a code-like query turned out to be: a wrong check character (with suggestions), unknown, or an ID number. */
export function CodeOutcomeNotice({ code }: { code: CodeOutcome }) {
  if (code.type === 'subject') return null;
  const box = 'mb-4 rounded-md border p-4';
  if (code.type === 'invalid_uscc') {
    return (
      <div className={`${box} border-amber-300 bg-amber-50 text-amber-950`} data-testid="code-outcome">
        <p>{code.message}</p>
        {code.suggestions.length ? (
          <>
            <p className="mt-2 font-semibold">您是否要找：</p>
            <ul className="mt-1 space-y-1">
              {code.suggestions.map((s) => (
                <li key={s.subjectId}>
                  <PageLink href={`/subjects/${s.subjectId}`} className="text-brand-700 underline hover:no-underline">
                    {s.name}
                  </PageLink>
                  <span className="ml-2 font-mono text-sm text-slate-700">{s.uscc}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">没有找到只差一位的已知代码，也可以改用企业名称查询。</p>
        )}
      </div>
    );
  }
  // unknown_uscc and personal_id: the message never repeats an ID number.
  return (
    <div className={`${box} border-brand-100 bg-brand-50 text-slate-900`} data-testid="code-outcome">
      <p>{code.message}</p>
      <p className="mt-2 text-sm text-slate-700">
        可以改用企业名称或名称中的几个字查询，例如
        <PageLink href="/search?q=%E5%86%9C%E4%B8%9A" className="mx-1 text-brand-700 underline">
          农业
        </PageLink>
        。
      </p>
    </div>
  );
}
