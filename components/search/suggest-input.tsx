'use client';

import { useRouter } from 'next/navigation';
import {
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
  type CompositionEvent,
  type FormEvent,
  type Ref,
} from 'react';
import type { Suggestion } from './suggest-client';

const DEBOUNCE_MS = 120;
const noSubscription = () => () => {};
/** Answers already fetched in this page load, newest last (a short memory, not a cache policy). */
const remembered = new Map<string, Suggestion[]>();
const REMEMBERED_MAX = 50;

export interface SuggestInputProps {
  id: string;
  name: string;
  defaultValue?: string;
  placeholder: string;
  className: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Called as the text changes (after IME composition), e.g. to refresh results. */
  onTyping?: () => void;
}

/**
 * The search box with as-you-type suggestions of subject names: a combobox as the WAI-ARIA
 * pattern describes it (list popup, arrow keys move through options, Enter opens the chosen
 * subject, Escape closes), announced to screen readers. Before hydration and without
 * JavaScript it is the plain text box of the plain GET form.
 */
export function SuggestInput({
  id,
  name,
  defaultValue,
  placeholder,
  className,
  required,
  inputRef,
  onTyping,
}: SuggestInputProps) {
  const router = useRouter();
  const listId = useId();
  // False while rendered on the server and hydrated, true after: the plain box until then.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [text, setText] = useState(defaultValue ?? '');
  // The text the page came with is a query already answered: suggest only once the person types.
  const [touched, setTouched] = useState(false);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // On a page whose scripts load when its form is first used (server/http/deferred-scripts.ts)
  // the person may type before React takes over: what is in the box then counts as typed, as
  // if the input event came now.
  useEffect(() => {
    const box = document.getElementById(id);
    if (box instanceof HTMLInputElement && box.value !== (defaultValue ?? '')) {
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, [id, defaultValue]);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // The last answer stays shown until the next one arrives; a failed request suggests nothing.
  const [last, setLast] = useState<Suggestion[]>([]);
  useEffect(() => {
    if (!mounted || !touched || typed === '' || remembered.has(typed)) return;
    const controller = new AbortController();
    import('./suggest-client')
      .then(({ fetchSuggestions }) => fetchSuggestions(typed, controller.signal))
      .then(
        (answer) => {
          remembered.set(typed, answer);
          if (remembered.size > REMEMBERED_MAX) remembered.delete(remembered.keys().next().value as string);
          setLast(answer);
        },
        () => undefined,
      );
    return () => controller.abort();
  }, [mounted, touched, typed]);
  const options = !touched || typed === '' ? [] : (remembered.get(typed) ?? last);
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const changed = (event: FormEvent<HTMLInputElement> | CompositionEvent<HTMLInputElement>) => {
    setText(event.currentTarget.value);
    setTouched(true);
    setActive(-1);
    setOpen(true);
    onTyping?.();
  };

  return (
    <div className="relative flex min-w-0 flex-1">
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        required={required}
        maxLength={100}
        autoComplete="off"
        // Marks the box that suggests: on pages whose scripts come later, the loader announces it
        // as a combobox at once (server/http/deferred-scripts.ts).
        data-suggest=""
        placeholder={placeholder}
        className={className}
        {...(mounted
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': expanded,
              'aria-controls': listId,
              'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
        onInput={(event) => {
          // Pinyin being composed is not yet what the person means.
          if (!(event.nativeEvent as InputEvent).isComposing) changed(event);
        }}
        onCompositionEnd={changed}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            if (options.length === 0) return;
            event.preventDefault();
            setOpen(true);
            const n = options.length;
            setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
          } else if (event.key === 'Escape' && expanded) {
            event.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (event.key === 'Enter' && expanded && active >= 0 && options[active]) {
            event.preventDefault();
            router.push(options[active].href);
          }
        }}
      />
      {mounted ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="主体名称建议"
          hidden={!expanded}
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-80 overflow-auto rounded-md border border-slate-300 bg-white py-1 text-left text-base text-slate-900 shadow-lg"
        >
          {options.map((o, i) => (
            <li
              key={o.subjectId}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-brand-700 text-white' : 'hover:bg-brand-50'}`}
              // mousedown, not click: the box must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                router.push(o.href);
              }}
            >
              {o.name}
            </li>
          ))}
        </ul>
      ) : null}
      {mounted ? (
        <p className="sr-only" role="status" aria-live="polite">
          {expanded ? `有 ${options.length} 个主体名称建议，按上下方向键选择` : ''}
        </p>
      ) : null}
    </div>
  );
}
