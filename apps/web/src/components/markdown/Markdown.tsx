import { lazy, Suspense } from 'react';

// The renderer is ~30 KB gzipped: loaded only when a page shows framework text, never on sign-in.
const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

/**
 * Framework text written in Markdown (safely: no raw HTML, safe links). Until the renderer has loaded the text
 * shows as written, so nothing moves much and nothing is hidden.
 */
export function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const Tag = inline ? 'span' : 'div';
  return (
    <Suspense fallback={<Tag style={{ whiteSpace: 'pre-wrap' }}>{text}</Tag>}>
      <MarkdownRenderer text={text} inline={inline} />
    </Suspense>
  );
}
