'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { SuggestInput } from './suggest-input';

const DEBOUNCE_MS = 250;

/** The form's state as a /search URL: empty fields dropped, back to page 1. */
function urlOf(form: HTMLFormElement): string {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') query.append(name, name === 'q' ? value.trim() : value);
  }
  const qs = query.toString();
  return qs ? `/search?${qs}` : '/search';
}

/**
 * The search box of /search. A plain GET form without JavaScript; with it, results follow
 * the typing (debounced, after IME composition ends) through a server re-render in place.
 */
export function SearchForm({ q, hidden }: { q: string; hidden: { name: string; value: string }[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastUrl = useRef<string | null>(null);

  // Back/forward changes the URL under the box: follow it unless the person is typing.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input && input.value !== q) input.value = q;
  }, [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (push: boolean) => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const url = urlOf(form);
    if (!push && url === lastUrl.current) return;
    lastUrl.current = url;
    if (push) router.push(url, { scroll: false });
    else router.replace(url, { scroll: false });
  };

  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go(false), DEBOUNCE_MS);
  };

  return (
    <form
      ref={formRef}
      action="/search"
      method="get"
      role="search"
      className="mt-4 flex max-w-3xl"
      onSubmit={(event) => {
        event.preventDefault();
        go(true);
      }}
    >
      <label htmlFor="search-q" className="sr-only">
        查询关键词
      </label>
      <SuggestInput
        inputRef={inputRef}
        id="search-q"
        name="q"
        defaultValue={q}
        placeholder="企业名称、信用代码或决定文书号"
        className="min-w-0 flex-1 rounded-l-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-500"
        onTyping={schedule}
      />
      {hidden.map((h, i) => (
        <input key={`${h.name}-${h.value}-${i}`} type="hidden" name={h.name} value={h.value} />
      ))}
      <button
        type="submit"
        className="rounded-r-md bg-seal-600 px-6 py-2.5 text-base font-semibold text-white hover:bg-seal-700"
      >
        查询
      </button>
    </form>
  );
}
