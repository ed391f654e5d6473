import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// main → out/main (ESM), preload → out/preload/index.cjs (one CommonJS file: sandboxed
// preloads cannot load ES modules or require anything but 'electron'), renderer → out/renderer.
// `--mode development` (npm run dev) builds React's development build: StrictMode's double
// renders and effects run, as they do for a developer.
export default defineConfig(({ mode }) => ({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/shell/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    ...(mode === 'development' ? { define: { 'process.env.NODE_ENV': JSON.stringify('development') } } : {}),
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
}));
