'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { textSizeCookie, TEXT_SIZE_ROUTE, type TextSize } from '@/server/preferences/text-size';

/**
 * 大字版 / 标准版. A plain link to the route that sets the cookie, so it works without
 * JavaScript; with JavaScript the same cookie is written here and the page is not reloaded.
 */
export function TextSizeToggle({ current }: { current: TextSize }) {
  const pathname = usePathname();
  const [size, setSize] = useState<TextSize>(current);
  const next: TextSize = size === 'large' ? 'standard' : 'large';
  const href = `${TEXT_SIZE_ROUTE}?size=${next}&return=${encodeURIComponent(pathname)}`;
  return (
    <a
      href={href}
      data-testid="text-size-toggle"
      className="inline-flex items-center gap-1.5 rounded-md border border-white/70 px-3 py-1.5 text-sm font-medium text-white hover:bg-white hover:text-brand-800"
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        document.cookie = textSizeCookie(next, location.protocol === 'https:');
        document.documentElement.classList.toggle('text-large', next === 'large');
        setSize(next);
      }}
    >
      <span aria-hidden="true" className="font-bold">
        {next === 'large' ? 'A+' : 'A'}
      </span>
      {next === 'large' ? '大字版' : '标准版'}
    </a>
  );
}
