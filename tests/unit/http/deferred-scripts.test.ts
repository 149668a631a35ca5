import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deferScripts as deferScriptsIn, scriptTimingOf, type ScriptTiming } from '@/server/http/deferred-scripts';
import { hashInlineScripts, inlineScriptHashes } from '@/server/http/security-headers';

const NONCE = 'Tm9uY2VOb25jZQ==';
/** The transform on text (it works on the rendered bytes). */
const deferScripts = (html: string, timing: ScriptTiming) => deferScriptsIn(Buffer.from(html), timing).toString('utf8');
const LOADER = /<script[^>]*data-deferred-scripts="(?:use|paint)"[^>]*>([\s\S]*?)<\/script>/;

const chunk = fc.stringMatching(/^[a-z0-9_-]{1,14}$/).map((name) => `/_next/static/chunks/${name}.js`);
/** The pieces a page Next renders is made of, each with whether it must go (a deferred script or its preload). */
const piece = fc.oneof(
  fc.tuple(chunk, fc.boolean()).map(([src, asyncFirst]) => ({
    html: asyncFirst
      ? `<script async="" src="${src}" nonce="${NONCE}"></script>`
      : `<script src="${src}" async="" nonce="${NONCE}"></script>`,
    deferred: src,
  })),
  chunk.map((src) => ({
    html: `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="${src}"/>`,
    gone: true,
  })),
  chunk.map((src) => ({ html: `<script src="${src}" noModule="" nonce="${NONCE}"></script>` })),
  chunk.map((src) => ({ html: `<link rel="stylesheet" href="${src.replace(/js$/, 'css')}" data-precedence="next"/>` })),
  fc.constant({ html: `<link rel="preload" as="script" href="https://cdn.example/x.js"/>` }),
  fc.constant({ html: `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>` }),
  fc.constant({ html: '<script src="/elsewhere/app.js"></script>' }),
  fc.string({ maxLength: 20 }).map((text) => ({ html: `<p>${text.replace(/[<>]/g, '')}</p>` })),
  fc
    .array(fc.integer({ min: 0x4e00, max: 0x9fff }), { maxLength: 12 })
    .map((codes) => ({ html: `<p>${String.fromCodePoint(...codes)}公司（乐山）</p>` })),
);
type Piece = { html: string; deferred?: string; gone?: boolean };
const page = (pieces: Piece[]) => `<html><head></head><body>${pieces.map((p) => p.html).join('')}</body></html>`;

describe('a page sent with its scripts loaded at the first use of a form', () => {
  it('the home page waits for its form to be used; every other public page only for its first paint', () => {
    expect(scriptTimingOf('/')).toBe('use');
    for (const path of ['/search', '/subjects/1', '/disclosures/penalties', '/exposure', '/news/x']) {
      expect(scriptTimingOf(path)).toBe('paint');
    }
  });

  it('loses Next’s script tags and script preloads, keeps everything else, and lists the scripts in order', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }),
        fc.constantFrom<ScriptTiming>('use', 'paint'),
        (pieces: Piece[], timing) => {
          const html = page(pieces);
          const out = deferScripts(html, timing);
          const expected = [...new Set(pieces.flatMap((p) => (p.deferred ? [p.deferred] : [])))];
          // The scripts the loader will add: exactly the deferred ones, in document order.
          const listed = LOADER.exec(out) ? JSON.parse(/var s=(\[[^\]]*\])/.exec(LOADER.exec(out)![1]!)![1]!) : [];
          expect(listed).toEqual(expected);
          if (expected.length === 0) {
            expect(out).toBe(html);
            // Nothing to defer: the rendered bytes themselves, not a copy.
            const bytes = Buffer.from(html);
            expect(deferScriptsIn(bytes, timing)).toBe(bytes);
            return;
          }
          const loader = LOADER.exec(out);
          expect(loader).not.toBeNull();
          // What remains once the loader is taken out: the page without the deferred pieces.
          expect(out.replace(loader![0], '')).toBe(page(pieces.filter((p) => !p.deferred && !p.gone)));
          expect(JSON.parse(/var s=(\[[^\]]*\])/.exec(loader![1]!)![1]!)).toEqual(expected);
          // Before </body>, with the render's nonce: a cached copy's policy allows it by hash.
          expect(out.indexOf(loader![0])).toBe(out.lastIndexOf('</body>') - loader![0].length);
          expect(loader![0]).toContain(`nonce="${NONCE}"`);
          expect(inlineScriptHashes(out, NONCE).length).toBeGreaterThan(0);
          expect(hashInlineScripts(`script-src 'self' 'nonce-${NONCE}'`, out)).not.toContain(NONCE);
        },
      ),
    );
  });

  describe('the loader, run against a small document', () => {
    /** A browser that reports paints: the observer's callback, once observed. */
    class Observer {
      static supportedEntryTypes = ['paint', 'resource'];
      static observers: Observer[] = [];
      disconnected = false;
      constructor(readonly callback: (list: unknown, o: Observer) => void) {}
      observe(options: { type: string; buffered: boolean }) {
        expect(options).toEqual({ type: 'paint', buffered: true });
        Observer.observers.push(this);
      }
      disconnect() {
        this.disconnected = true;
      }
      static paint() {
        for (const o of Observer.observers.splice(0)) if (!o.disconnected) o.callback([], o);
      }
    }

    function run(focusedInForm: boolean, timing: ScriptTiming = 'use', reportsPaint = false) {
      const added: string[] = [];
      const listeners = new Map<string, (e: { target: unknown }) => void>();
      const element = (inForm: boolean) => ({ closest: (s: string) => (s === 'form' && inForm ? {} : null) });
      const document = {
        activeElement: element(focusedInForm),
        body: { appendChild: (x: { src: string }) => added.push(x.src) },
        createElement: () => ({ src: '', async: false }),
        addEventListener: (n: string, f: (e: { target: unknown }) => void) => listeners.set(n, f),
        removeEventListener: (n: string) => listeners.delete(n),
      };
      const out = deferScripts(
        page([{ html: '<script src="/_next/static/a.js" async=""></script>', deferred: 'a' }]),
        timing,
      );
      const frames: (() => void)[] = [];
      const timers: (() => void)[] = [];
      runInNewContext(LOADER.exec(out)![1]!, {
        document,
        requestAnimationFrame: (f: () => void) => frames.push(f),
        setTimeout: (f: () => void) => timers.push(f),
        ...(reportsPaint ? { PerformanceObserver: Observer } : {}),
      });
      const flush = (queue: (() => void)[]) => queue.splice(0).forEach((f) => f());
      const fire = (name: string, inForm: boolean) => listeners.get(name)?.({ target: element(inForm) });
      return { added, listeners, fire, frames, timers, flush };
    }

    it('adds nothing while the visitor reads and follows links, and the scripts once a form is used', () => {
      for (const event of ['focusin', 'keydown', 'pointerdown']) {
        const { added, listeners, fire } = run(false);
        fire('focusin', false);
        fire('pointerdown', false);
        fire('keydown', false);
        expect(added).toEqual([]);
        fire(event, true);
        expect(added).toEqual(['/_next/static/a.js']);
        expect(listeners.size).toBe(0);
        fire(event, true);
        expect(added).toHaveLength(1);
      }
    });

    it('adds the scripts at once when a form control already has focus', () => {
      expect(run(true).added).toEqual(['/_next/static/a.js']);
      expect(run(true, 'paint').added).toEqual(['/_next/static/a.js']);
    });

    it('after the first paint: the frame after DOMContentLoaded, then a timer; a form used before loads them once', () => {
      const { added, fire, frames, timers, flush } = run(false, 'paint');
      expect(added).toEqual([]);
      fire('DOMContentLoaded', false);
      expect(added).toEqual([]);
      flush(frames);
      expect(added).toEqual([]);
      flush(timers);
      expect(added).toEqual(['/_next/static/a.js']);
      fire('focusin', true);
      expect(added).toHaveLength(1);

      const used = run(false, 'paint');
      used.fire('pointerdown', true);
      expect(used.added).toEqual(['/_next/static/a.js']);
      used.fire('DOMContentLoaded', false);
      used.flush(used.frames);
      used.flush(used.timers);
      expect(used.added).toHaveLength(1);
    });

    it('where the browser reports paints: at its first paint, once', () => {
      const { added, fire, frames, timers } = run(false, 'paint', true);
      fire('DOMContentLoaded', false);
      expect(frames).toEqual([]);
      expect(timers).toEqual([]);
      expect(added).toEqual([]);
      Observer.paint();
      expect(added).toEqual(['/_next/static/a.js']);
      fire('focusin', true);
      Observer.paint();
      expect(added).toHaveLength(1);
    });

    it('announces the search box that suggests as a collapsed combobox at once, before any script', () => {
      const attributes = new Map<string, string>();
      const box = { setAttribute: (k: string, v: string) => attributes.set(k, v) };
      const asked: string[] = [];
      const document = {
        activeElement: null,
        querySelectorAll: (selector: string) => (asked.push(selector), [box]),
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      const out = deferScripts(
        page([{ html: '<script src="/_next/static/a.js" async=""></script>', deferred: 'a' }]),
        'use',
      );
      runInNewContext(LOADER.exec(out)![1]!, { document });
      expect(asked).toEqual(['input[data-suggest]:not([role])']);
      expect(Object.fromEntries(attributes)).toEqual({
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
      });
    });

    it('waits for a form without a paint timer on the home page', () => {
      const { added, fire, frames, timers } = run(false, 'use', true);
      fire('DOMContentLoaded', false);
      Observer.paint();
      expect(frames).toEqual([]);
      expect(timers).toEqual([]);
      expect(added).toEqual([]);
    });
  });
});
