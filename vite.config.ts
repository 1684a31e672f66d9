// Vite config for the dev server and the production build. Hosts and ports live in the npm
// scripts (dev/start/preview) so there is one place to read them.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: dist/ then works from any path — a subfolder on an intranet, a USB
  // stick on a workshop laptop — not only from the site root.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the game targets runs ES2022; transpiling further down only adds weight.
    target: 'es2022',
  },
});
