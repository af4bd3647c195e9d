// The web app: React + Ant Design, built into dist/web, which the server serves.
// `npx vite` runs a dev server that forwards /api to the API on port 3000.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes `.br` and `.gz` beside every text asset of the build, once, at maximum
 * compression: the server sends them to browsers that accept them (@fastify/static
 * `preCompressed`), so no request pays for compressing (3 MB of JavaScript → ≈ 0.8 MB).
 */
function precompress(dir: string): Plugin {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return {
    name: 'gongjian-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(dir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      }
    },
  };
}

/**
 * antd's form context (imported by every Input, Select and Radio) takes only
 * `FormProvider` from @rc-component/form, and Radio takes one helper from antd's
 * `useForm`, which takes only `useForm`; but that package's index hangs Field, List,
 * the store and the validator on its default export as it loads, so importing it keeps
 * them all (≈ 13 KB gzip on the sign-in page, the shell and the cockpit, none of which
 * has a Form). Those two imports are pointed at the files that define what they take;
 * pages with a Form import the rest.
 */
function antdFormPartsOnly(): Plugin {
  const parts: [RegExp, string][] = [
    [/[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/, "export { FormProvider } from '@rc-component/form/es/FormContext';"],
    [/[\\/]antd[\\/]es[\\/]form[\\/]hooks[\\/]useForm\.js$/, "export { default as useForm } from '@rc-component/form/es/hooks/useForm';"],
  ];
  const PREFIX = '\0gj-rc-form:';
  return {
    name: 'gongjian-antd-form-parts',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer) return null;
      const i = parts.findIndex(([re]) => re.test(importer));
      return i < 0 ? null : `${PREFIX}${i}`;
    },
    load(id) {
      return id.startsWith(PREFIX) ? parts[Number(id.slice(PREFIX.length))]![1] : null;
    },
  };
}

/**
 * antd's Card imports Tabs for its `tabList` (tabs in the card's head), which no page
 * uses, so every Card (the sign-in page's, the cockpit's) brought rc-tabs with its
 * overflow menu and styles (≈ 10 KB gzip) into the first load. Card's import is pointed
 * at a wrapper that loads Tabs when a Card with tabs is first drawn; pages that use Tabs
 * themselves import the real one.
 */
function antdCardTabsOnDemand(): Plugin {
  const ID = '\0gj-card-tabs';
  return {
    name: 'gongjian-antd-card-tabs',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '../tabs' && importer && /[\\/]antd[\\/]es[\\/]card[\\/]Card\.js$/.test(importer) ? ID : null;
    },
    load(id) {
      if (id !== ID) return null;
      return [
        "import { createElement, lazy, Suspense } from 'react';",
        "const Tabs = lazy(() => import('antd/es/tabs'));",
        'export default function CardTabs(props) { return createElement(Suspense, { fallback: null }, createElement(Tabs, props)); }',
      ].join('\n');
    },
  };
}

export default defineConfig({
  root: here('./web'),
  plugins: [antdFormPartsOnly(), antdCardTabsOnDemand(), react(), precompress(here('./dist/web'))],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // Ant Design is one large chunk; the pages of each module load on demand.
    chunkSizeWarningLimit: 2500,
    // The default target (baseline-widely-available: Chrome/Edge 111, Firefox 114,
    // Safari 16.4) is already past ES2022: nothing is transpiled down that a lower
    // target would save. Minified by the default (Oxc) minifier.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page needs before its first paint (React, the router, antd's
            // runtime and the components of the sign-in page and the shell, the module
            // list) in one script rather than ~45 small ones: every visitor loads all of
            // them anyway, and one file compresses ≈ 20 KB (gzip) smaller than the parts.
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
