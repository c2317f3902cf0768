import '@testing-library/jest-dom';

// --- Mantine in jsdom: https://mantine.dev/guides/jest/ ---------------------------------------------------------
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);
Element.prototype.scrollIntoView = function scrollIntoView() {};

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// --- ResizeObserver (Mantine and React Flow) -------------------------------------------------------------------
// Reports one entry per observed element soon after observe() (asynchronously, as browsers do), which is what
// React Flow needs to measure its nodes.
class ResizeObserverStub implements ResizeObserver {
  private observing = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.observing.add(target);
    queueMicrotask(() => {
      if (this.observing.has(target)) this.report(target);
    });
  }
  private report(target: Element): void {
    const rect = target.getBoundingClientRect();
    const size = [{ inlineSize: rect.width, blockSize: rect.height }];
    const entry = {
      target,
      contentRect: rect,
      borderBoxSize: size,
      contentBoxSize: size,
      devicePixelContentBoxSize: size,
    } as unknown as ResizeObserverEntry;
    this.callback([entry], this);
  }
  unobserve(target: Element): void {
    this.observing.delete(target);
  }
  disconnect(): void {
    this.observing.clear();
  }
}
window.ResizeObserver = ResizeObserverStub;

// --- React Flow in jsdom: https://reactflow.dev/learn/advanced-use/testing -------------------------------------
class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
Object.defineProperty(window, 'DOMMatrixReadOnly', { writable: true, configurable: true, value: DOMMatrixReadOnlyStub });
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 1;
    },
  },
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.width) || 1;
    },
  },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

// --- Blob.text() (jsdom lacks it; browsers have it): file imports read their file with it ---------------------
if (!Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
      reader.readAsText(this);
    });
  };
}
