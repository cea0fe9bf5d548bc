import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { i18nPreload } from '../../scripts/i18n-preload.ts';
import { precompress } from '../../scripts/precompress.ts';

export default defineConfig({
  plugins: [i18nPreload(), react(), tailwindcss(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } },
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
