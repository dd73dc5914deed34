import { defineConfig } from 'vite';

/** The viewer: built to viz/dist and served by `report2graph serve`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
});
