import { PageLink } from '@/components/page-link';
import type { SearchResult } from '@/server/search/types';

/**
 * What forgiving search did: "未找到“…”，以下是“…”的结果" when an equivalent spelling answered,
 * and "您是否要找" with the subjects whose names are close to what was typed.
 */
export function ForgivenessNotice({ q, result }: { q: string; result: SearchResult }) {
  const suggestions = result.didYouMean ?? [];
  if (!result.correctedQuery && suggestions.length === 0) return null;
  return (
    <div
      className="mb-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-slate-900"
      data-testid="search-forgiveness"
    >
      {result.correctedQuery ? (
        <p>
          未找到“{q}”，以下是“<strong>{result.correctedQuery}</strong>”的结果。
        </p>
      ) : null}
      {suggestions.length ? (
        <p className={result.correctedQuery ? 'mt-1' : undefined}>
          您是否要找：
          {suggestions.map((s, i) => (
            <span key={s.subjectId}>
              {i > 0 ? '、' : null}
              <PageLink href={s.href} className="font-medium text-brand-700 underline hover:no-underline">
                {s.name}
              </PageLink>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
