import { compiler, sanitizer, type MarkdownToJSX } from 'markdown-to-jsx/react';
import type { ReactNode } from 'react';
import classes from './Markdown.module.css';

/**
 * Framework text (descriptors, criteria, examples, role statements) is written by admins or imported from
 * files nobody here wrote, so it is rendered as Markdown only: raw HTML stays text, links open safely
 * (rel="noopener noreferrer", only http(s), mailto and relative addresses), images become their alt text
 * (no tracking pixels) and headings become bold lines (a descriptor must not break the page's outline).
 */

const SAFE_URL = /^(https?:|mailto:|\/|#)/i;

export function safeUrl(value: string): string | null {
  const cleaned = sanitizer(value);
  if (cleaned === null) return null;
  const trimmed = cleaned.trim();
  return SAFE_URL.test(trimmed) ? trimmed : null;
}

function SafeLink({ href, children, title }: { href?: string; children?: ReactNode; title?: string }) {
  const url = href ? safeUrl(href) : null;
  if (!url) return <span>{children}</span>;
  const external = /^(https?:)?\/\//i.test(url);
  return (
    <a href={url} title={title} rel="noopener noreferrer" {...(external ? { target: '_blank' } : {})}>
      {children}
    </a>
  );
}

function Heading({ children }: { children?: ReactNode }) {
  return (
    <p>
      <strong>{children}</strong>
    </p>
  );
}

function ImageAsText({ alt }: { alt?: string }) {
  return alt ? <span>{alt}</span> : null;
}

const heading = { component: Heading };

export const MARKDOWN_OPTIONS: MarkdownToJSX.Options = {
  disableParsingRawHTML: true,
  ignoreHTMLBlocks: true,
  disableFrontmatter: true,
  tagfilter: true,
  sanitizer: (value) => safeUrl(value),
  overrides: {
    a: { component: SafeLink },
    img: { component: ImageAsText },
    h1: heading,
    h2: heading,
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
  },
};

/** Markdown as React elements (never HTML strings): see the options above. */
export function renderMarkdown(text: string, inline = false): ReactNode {
  return compiler(text, { ...MARKDOWN_OPTIONS, ...(inline ? { forceInline: true } : { forceBlock: true }), wrapper: null });
}

export default function MarkdownRenderer({ text, inline = false }: { text: string; inline?: boolean }) {
  const Tag = inline ? 'span' : 'div';
  return <Tag className={classes.markdown}>{renderMarkdown(text, inline)}</Tag>;
}
