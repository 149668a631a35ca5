'use client';

import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { PageLink } from '@/components/page-link';
import { HIT_KIND_LABELS, type SearchHit } from '@/server/search/types';
import { Highlighted } from './highlighted';

/**
 * One result: what it is, whose it is, and the facts that tell two results apart. Styled by
 * the .search-hit rules in globals.css: a page holds twenty, each sent twice (HTML and React
 * payload), so the markup names one class where it would repeat a dozen utilities.
 */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { display } = hit;
  const headingId = `hit-${hit.docId}`;
  const facts = [
    display.documentNumber ? { term: '文书号', value: display.documentNumber } : null,
    display.departmentName ? { term: '部门', value: display.departmentName } : null,
    display.date ? { term: '日期', value: formatDate(display.date) } : null,
  ].filter((f) => f !== null);
  return (
    <li className="search-hit" data-testid="search-hit" data-kind={hit.kind}>
      <article aria-labelledby={headingId}>
        <div className="hit-badges">
          <Badge tone="info">{HIT_KIND_LABELS[hit.kind]}</Badge>
          {display.badges.map((b) => (
            <Badge key={b} tone={toneOfStatus(b)}>
              {b}
            </Badge>
          ))}
        </div>
        <h3 id={headingId}>
          <PageLink href={display.href}>
            <Highlighted segments={hit.titleSegments} />
          </PageLink>
        </h3>
        {display.subtitle ? <p className="hit-subtitle">{display.subtitle}</p> : null}
        {hit.snippet ? (
          <p className="hit-snippet" data-testid="hit-snippet">
            <Highlighted segments={hit.snippet} />
          </p>
        ) : null}
        {facts.length ? (
          <dl>
            {facts.map((f) => (
              <div key={f.term}>
                <dt>{f.term}：</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {hit.collapsed?.length ? <CollapsedRecordsLine hit={hit} /> : null}
        {hit.kind !== 'subject' && hit.subjectId !== null ? (
          <p className="hit-more">
            <PageLink href={`/subjects/${hit.subjectId}`}>
              查看该主体的信用档案<span className="sr-only">：{display.title}</span>
            </PageLink>
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** "另有行政许可 38 条、行政处罚 2 条": the subject's other matches, each linking to its list. */
function CollapsedRecordsLine({ hit }: { hit: SearchHit }) {
  const parts = hit.collapsed!;
  return (
    <p className="hit-more" data-testid="hit-collapsed">
      另有
      {parts.map((c, i) => {
        const text = `${HIT_KIND_LABELS[c.kind]} ${c.count} 条`;
        return (
          <span key={c.kind}>
            {i > 0 ? '、' : null}
            {c.href ? (
              <PageLink href={c.href}>
                {text}
                <span className="sr-only">（{hit.display.title}）</span>
              </PageLink>
            ) : (
              text
            )}
          </span>
        );
      })}
    </p>
  );
}
