import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into console/dist, which Roster serves at /console/ (src/modules/console).
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  logLevel: 'warn',
});
