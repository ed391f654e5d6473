import { useEffect, useState } from 'react';

// Chart colours come from the app's theme (renderer/ui/theme.css): its custom properties use
// light-dark(), which only an element's computed colour resolves, so a probe reads them.

export interface ChartPalette {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly priority: Readonly<Record<'P1' | 'P2' | 'P3' | 'P4', string>>;
  readonly met: string;
  readonly missed: string;
  readonly accent: string;
  readonly warning: string;
  readonly series: readonly string[];
  readonly dark: boolean;
}

function resolve(variable: string, probe: HTMLElement): string {
  probe.style.color = `var(${variable})`;
  return getComputedStyle(probe).color;
}

export function readPalette(): ChartPalette {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.append(probe);
  try {
    const surface = resolve('--surface', probe);
    const rgb = surface.match(/\d+/g)?.map(Number) ?? [255, 255, 255];
    const dark = (rgb[0] ?? 255) * 0.3 + (rgb[1] ?? 255) * 0.59 + (rgb[2] ?? 255) * 0.11 < 128;
    const priority = { P1: resolve('--p1', probe), P2: resolve('--p2', probe), P3: resolve('--p3', probe), P4: resolve('--p4', probe) };
    return {
      text: resolve('--text', probe),
      muted: resolve('--muted', probe),
      grid: resolve('--border', probe),
      surface,
      priority,
      met: resolve('--ok', probe),
      missed: resolve('--danger', probe),
      accent: resolve('--accent', probe),
      warning: resolve('--warning', probe),
      // Categories: distinct hues that read on both themes.
      series: dark
        ? ['#8fb4ff', '#f3b65b', '#7bd88f', '#ff8a80', '#c9a7ff', '#5fd3d9', '#e6c07b', '#a3acba']
        : ['#1a5fd0', '#a14f00', '#146c2e', '#b3261e', '#7b3fc4', '#00767d', '#8a6d00', '#586272'],
      dark,
    };
  } finally {
    probe.remove();
  }
}

/** The palette, read again when the theme (data-theme or the OS colour scheme) changes. */
export function useChartPalette(): ChartPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const update = (): void => setPalette(readPalette());
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return palette;
}
