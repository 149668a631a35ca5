import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../components/applications/timeline';

// Issue 17: the staff page's and /track's history write dates as the rest of the portal does,
// including the one inside the acceptance note the server wrote.
describe('an application history', () => {
  it('writes the deadline inside a note as 2026年12月10日 and keeps the instant in dateTime', () => {
    const html = renderToStaticMarkup(
      createElement(Timeline, {
        testId: 'history',
        events: [
          {
            at: '2026-12-06T02:30:00.000Z',
            actorLabel: '市市场监督管理局',
            toStatusLabel: '已受理',
            note: '已受理，应于 2026-12-10 前作出决定。',
          },
        ],
      }),
    );
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('应于 2026年12月10日 前作出决定');
    expect(text).toContain('2026年12月6日 10:30');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(html).toMatch(/datetime="2026-12-06T02:30:00.000Z"/i);
  });
});
