import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle. Served by browser mode and loaded by Electron from app://, never from a
// dev server in production.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
