// Public pages are sent without Next's script tags and script preloads; a small inline script
// (the "loader") puts the same tags into the document later (issue 17, finding 10: the home
// page shipped 147 KB of gzipped JavaScript for a page that works fully without it, and the
// scripts of every page competed with the page itself before its first paint).
//
// The home page is links, figures and one search form. Everything on it works without
// JavaScript: the navigation is links and a <details> menu, large text is a link to a route,
// the form is a plain GET. JavaScript adds one thing, the search box's suggestions, and the
// React and Next runtimes it needs are some 145 KB gzipped. Its scripts are therefore added
// when a form control first receives focus, a key is pressed in a form or a pointer goes down
// on one (or at once, if one already has focus): a visitor who only reads or follows links
// downloads no script.
//
// Every other public page gets its scripts right after its first paint: what it shows is
// server-rendered and does not wait for them, and on a slow phone 145 KB of script no longer
// shares the network and the main thread with the page before it is first shown (Lighthouse
// mobile: LCP 2.7 → 1.4 s on /disclosures/penalties). A form used before that adds them at once.
//
// Either way React then hydrates the page as it would have at load; the inline payload scripts
// (self.__next_f, TURBOPACK) stay in the page and wait for it.
//
// Rules:
//   - only same-origin scripts under /_next/static/ are deferred; noModule polyfills stay
//     where they are (modern browsers skip them);
//   - the loader carries the render's nonce, so the page cache trades it for a hash like
//     every other inline script (security-headers.ts); the scripts it adds are allowed by
//     script-src 'self';
//   - a page without such scripts is returned unchanged.

/**
 * When a public page's scripts are added: at the first use of a form ('use': pages that work
 * fully without them, whose scripts only enhance a form), or right after the first paint
 * ('paint': every other public page, whose scripts then no longer compete with the page for
 * the network and the main thread before it is first shown). A form used before either adds
 * them at once.
 */
export type ScriptTiming = 'use' | 'paint';

const AT_FIRST_USE = new Set(['/']);

export function scriptTimingOf(pathname: string): ScriptTiming {
  return AT_FIRST_USE.has(pathname) ? 'use' : 'paint';
}

const NEXT_SOURCE = /\bsrc="(\/_next\/static\/[^"]+\.js)"/i;
const NO_MODULE = /\bnoModule\b/i;
const SCRIPT_PRELOAD = /^<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")(?=[^>]*\bhref="\/_next\/static\/)/i;
const NONCE = /\bnonce="([^"]*)"/i;
const SCRIPT_END = '</script>';

/** Where each tag named `name` begins and ends (just past its '>') in `page`, in order. */
function* tagsNamed(page: Buffer, name: string): Generator<{ start: number; end: number; tag: string }> {
  const open = `<${name}`;
  for (let at = page.indexOf(open); at >= 0; at = page.indexOf(open, at + open.length)) {
    if (!/[\s>/]/.test(String.fromCharCode(page[at + open.length] ?? 0))) continue;
    const close = page.indexOf('>', at);
    if (close < 0) return;
    yield { start: at, end: close + 1, tag: page.toString('latin1', at, close + 1) };
  }
}

/**
 * The byte ranges of Next's script tags (not noModule) and of their preloads in `page`, the
 * sources of those scripts in document order, and the nonce Next stamped on the first of them.
 * Found with Buffer.indexOf, without decoding the page: scripts and links are ASCII.
 */
function nextScriptsIn(page: Buffer): { cuts: [number, number][]; sources: string[]; nonce: string | undefined } {
  const cuts: [number, number][] = [];
  const sources = new Set<string>();
  let nonce: string | undefined;
  for (const { start, end, tag } of tagsNamed(page, 'script')) {
    const src = NEXT_SOURCE.exec(tag)?.[1];
    if (src === undefined || NO_MODULE.test(tag)) continue;
    if (page.toString('latin1', end, end + SCRIPT_END.length).toLowerCase() !== SCRIPT_END) continue;
    if (sources.size === 0) nonce = NONCE.exec(tag)?.[1];
    sources.add(src);
    cuts.push([start, end + SCRIPT_END.length]);
  }
  for (const { start, end, tag } of tagsNamed(page, 'link')) if (SCRIPT_PRELOAD.test(tag)) cuts.push([start, end]);
  return { cuts: cuts.sort((a, b) => a[0] - b[0]), sources: [...sources], nonce };
}

/**
 * The page without Next's script tags and script preloads, and with the loader that adds the
 * same scripts at the first use of a form, or after the first paint. The same bytes when there
 * is nothing to defer or no </body> to put the loader before. Works on the page's bytes: the
 * tags are ASCII, and the page is never decoded (0.1 ms for a 150 KB results page; decoding and
 * re-encoding its UTF-8 alone took 1.3 ms, on every render).
 */
export function deferScripts(page: Buffer, timing: ScriptTiming): Buffer {
  const { cuts, sources, nonce } = nextScriptsIn(page);
  const bodyEnd = page.lastIndexOf('</body>');
  if (sources.length === 0 || bodyEnd < 0) return page;
  const loader = Buffer.from(
    `<script${nonce === undefined ? '' : ` nonce="${nonce}"`} data-deferred-scripts="${timing}">${loaderSource(sources, timing)}</script>`,
    'latin1',
  );
  const parts: Buffer[] = [];
  let from = 0;
  for (const [start, end] of [...cuts, [bodyEnd, bodyEnd] as [number, number]].sort((a, b) => a[0] - b[0])) {
    parts.push(page.subarray(from, start));
    if (start === bodyEnd && end === bodyEnd) parts.push(loader);
    from = Math.max(from, end);
  }
  parts.push(page.subarray(from));
  return Buffer.concat(parts);
}

/** The loader: plain ES5, so that it runs (and does nothing harmful) wherever the page is opened. */
function loaderSource(sources: string[], timing: ScriptTiming): string {
  return (
    '(function(){var s=' +
    JSON.stringify(sources).replace(/</g, '\\u003c') +
    ',d=document,e=["focusin","keydown","pointerdown"],done=false;' +
    // Where this runs, JavaScript does, and the search box that suggests (data-suggest) will be a
    // combobox as soon as its scripts arrive: it is announced as one (collapsed) from the start,
    // so that a screen reader, and a test, meet the same control before and after they load.
    'if(d.querySelectorAll)[].forEach.call(d.querySelectorAll("input[data-suggest]:not([role])"),function(b){' +
    'b.setAttribute("role","combobox");b.setAttribute("aria-autocomplete","list");b.setAttribute("aria-expanded","false")});' +
    'function inForm(t){return!!(t&&t.closest&&t.closest("form"))}' +
    'function load(){if(done)return;done=true;' +
    'e.forEach(function(n){d.removeEventListener(n,use,true)});' +
    's.forEach(function(u){var x=d.createElement("script");x.src=u;x.async=true;d.body.appendChild(x)})}' +
    'function use(v){if(inForm(v.target))load()}' +
    'e.forEach(function(n){d.addEventListener(n,use,true)});' +
    'if(inForm(d.activeElement))load();' +
    (timing === 'paint'
      ? // The browser reports its first paint (PerformanceObserver, buffered: one that has
        // happened already counts); where it cannot, the frame after DOMContentLoaded is painted
        // before the timer runs.
        'else{var P=typeof PerformanceObserver=="function"&&PerformanceObserver,t=P&&P.supportedEntryTypes;' +
        'if(t&&t.indexOf("paint")>=0)new P(function(l,o){o.disconnect();load()}).observe({type:"paint",buffered:true});' +
        'else d.addEventListener("DOMContentLoaded",function(){requestAnimationFrame(function(){setTimeout(load,0)})})}'
      : '') +
    '})()'
  );
}
