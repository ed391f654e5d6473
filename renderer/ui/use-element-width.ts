import { useLayoutEffect, useState, type RefObject } from 'react';

/** The width of the element `ref` points at, following it as it resizes (px; `initial` before the first layout). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, initial = 1200): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
