import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `base: './'` makes every asset URL relative, so the built site works from any sub-path
// (https://example.org/atlas/) and any static host without rebuilding.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
