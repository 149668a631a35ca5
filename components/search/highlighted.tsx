import type { TextSegment } from '@/server/search/types';

/** Text with the matched runs in <mark> (styled by .search-hit mark in globals.css). */
export function Highlighted({ segments }: { segments: readonly TextSegment[] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
