import { Marked, type Tokens } from 'marked';

// Markdown → HTML for content/. The files are ours, but a page must never carry markup we
// did not mean: raw HTML in Markdown is shown as text (escaped), link targets are limited
// to http(s), mailto, tel, site-relative paths and fragments, and every heading gets an id
// so that long documents can have a table of contents.

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A link target we are willing to emit, or null (the link text is then kept as plain text). */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:|mailto:|tel:)/i.test(h)) return h;
  if (h.startsWith('#')) return h;
  if (h.startsWith('/') && !h.startsWith('//') && !h.startsWith('/\\')) return h;
  return null;
}

/** Heading text → id: letters (CJK included) and digits kept, the rest collapsed to '-'. */
export function headingId(text: string): string {
  const id = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'section';
}

function plainText(tokens: Tokens.Generic[] | undefined): string {
  return (tokens ?? []).map((t) => ('tokens' in t && t.tokens ? plainText(t.tokens) : (t.text ?? t.raw))).join('');
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }) {
        return escapeHtml(text);
      },
      heading({ tokens, depth }) {
        const text = plainText(tokens as Tokens.Generic[]);
        const base = headingId(text);
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n === 0 ? base : `${base}-${n + 1}`;
        headings.push({ depth, text, id });
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const target = safeHref(href);
        if (!target) return inner;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(target)}"${titleAttr}>${inner}</a>`;
      },
      image({ text }) {
        // No images in our content; an accidental one is shown as its description.
        return escapeHtml(text);
      },
      table(token) {
        // Wide tables scroll inside their own box on a phone instead of widening the page.
        const header = token.header.map((cell) => this.tablecell(cell)).join('');
        const label = escapeHtml(token.header.map((cell) => plainText(cell.tokens as Tokens.Generic[])).join('、'));
        const rows = token.rows.map((row) => `<tr>${row.map((cell) => this.tablecell(cell)).join('')}</tr>`).join('\n');
        return `<div class="table-scroll" role="region" aria-label="表格：${label}" tabindex="0"><table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table></div>\n`;
      },
    },
  });
  const html = marked.parse(source) as string;
  return { html, headings };
}
