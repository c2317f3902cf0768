import { render, screen } from '@testing-library/react';
import MarkdownRenderer, { safeUrl } from './MarkdownRenderer';

function html(text: string, inline = false): HTMLElement {
  const { container } = render(<MarkdownRenderer text={text} inline={inline} />);
  return container;
}

describe('MarkdownRenderer', () => {
  it('renders emphasis, lists and links', () => {
    const container = html('Leads **risk** reviews\n\n- one\n- two\n\n[guide](https://example.org/guide)');
    expect(container.querySelector('strong')?.textContent).toBe('risk');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    const link = screen.getByRole('link', { name: 'guide' });
    expect(link).toHaveAttribute('href', 'https://example.org/guide');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('never renders raw HTML: script, iframe, event handlers and inline HTML stay text', () => {
    const container = html('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">bold</b>\n\n<iframe src="https://evil.example"></iframe>');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(container.textContent).toContain('<script>');
  });

  it('drops javascript:, data: and other unsafe link targets but keeps the words', () => {
    const container = html('[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [vb](vbscript:x)');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click');
    expect(container.textContent).toContain('data');
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl(' https://example.org')).toBe('https://example.org');
    expect(safeUrl('/roles/1')).toBe('/roles/1');
  });

  it('turns images into their alt text and headings into bold lines', () => {
    const container = html('# Big title\n\n![tracking pixel](https://example.org/p.gif)');
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('Big title');
    expect(container.textContent).toContain('tracking pixel');
  });

  it('renders inline text without block wrappers', () => {
    const container = html('Runs the *weekly* report', true);
    expect(container.querySelector('p')).toBeNull();
    expect(container.querySelector('em')?.textContent).toBe('weekly');
  });
});
