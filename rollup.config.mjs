import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Peer dependencies (react, for acs-elements/react) are the app's own copy: never bundled.
const runtimeDependencies = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)];

/** Compiles TypeScript (decorators included) with esbuild; type checking is `tsc`'s job. */
function typescript() {
  return {
    name: 'esbuild-typescript',
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const result = await transform(code, {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        sourcefile: id,
        sourcemap: true,
        tsconfigRaw: readFileSync('tsconfig.json', 'utf8'),
      });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * Compacts the text of our `css\`…\`` templates: comments out, each run of whitespace one space,
 * none around braces and semicolons. Only the static text between interpolations is touched, and
 * nothing inside a rule changes meaning (`a :hover` and `calc(1px - 2px)` keep their spaces).
 */
export function compactCssLiterals() {
  const compact = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1');
  return {
    name: 'compact-css-literals',
    transform(code, id) {
      if (!id.endsWith('.styles.ts') && !id.includes('/src/core/styles/')) return null;
      return {
        code: code.replace(
          /css`([^`]*)`/g,
          (_, body) =>
            `css\`${body
              .split(/(\$\{[^}]*\})/)
              .map((part, index) => (index % 2 ? part : compact(part)))
              .join('')}\``,
        ),
        map: null,
      };
    },
  };
}

const CDN_SDK_CHUNKS = [
  ['acs-calling-sdk', ['@azure/communication-calling']],
  ['acs-chat-sdk', ['@azure/communication-chat', '@azure/communication-signaling', 'events']],
  ['acs-common-sdk', ['@azure/communication-common']],
];

/** The npm package a module belongs to, or undefined for our own source. */
export function packageOf(id) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'));
  return match?.[1];
}

/** Minifies every chunk except the calling SDK, which ships already minified (7 MB: terser/esbuild would only burn time). */
function minifyExceptCallingSdk() {
  return {
    name: 'minify-except-calling-sdk',
    async renderChunk(code, chunk) {
      if (chunk.name === 'acs-calling-sdk') return null;
      // Module scripts are always decoded as UTF-8, so text needs no \u escapes (a third of the Japanese and Arabic tables).
      const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none', charset: 'utf8' });
      return { code: result.code, map: null };
    },
  };
}

/**
 * `@azure/communication-signaling` (MIT) finds the global object with webpack's old shim, which in
 * a module (strict mode) falls through to `Function("return this")()`: a page whose CSP forbids
 * `unsafe-eval` reports a violation each time the chat SDK loads. `globalThis` is what it looks for.
 * The build fails if the shim is not found, so an SDK update cannot bring the eval back unnoticed.
 */
function signalingWithoutEval() {
  const shim = 'Function("return this")()||(0,eval)("this")';
  return {
    name: 'signaling-without-eval',
    transform(code, id) {
      if (packageOf(id) !== '@azure/communication-signaling' || !code.includes('return this')) return null;
      if (code.split(shim).length !== 2) this.error(`${id}: the global-object shim (${shim}) was not found once; check for new eval paths`);
      return { code: code.replace(shim, 'globalThis'), map: null };
    },
  };
}

/**
 * libphonenumber-js also ships its code as plain ES2015+ (`es6-modern/`, without Babel's helpers),
 * which its exports map hides; the CDN build takes that copy of the same code, smaller by a few kB.
 */
function modernLibphonenumber() {
  return {
    name: 'libphonenumber-es6-modern',
    async resolveId(source, importer, options) {
      if (!importer?.replaceAll('\\', '/').includes('/libphonenumber-js/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const id = resolved?.id.replaceAll('\\', '/');
      return id?.includes('/libphonenumber-js/es6/') ? { ...resolved, id: id.replace('/libphonenumber-js/es6/', '/libphonenumber-js/es6-modern/') } : resolved;
    },
  };
}

const CALLING_SDK_PRELOADS = 'src/calling/calling-sdk-preloads.ts';
const CALLING_SDK_MARKER = '__ACS_CALLING_SDK_CHUNK__';

/**
 * Gives `calling-sdk-preloads.ts` the URL of the CDN build's calling SDK chunk (its name has a
 * hash, known only once the bundle is written), so that `<acs-call>` can hint the browser to fetch
 * it the moment the element connects. The npm build keeps the empty list: the app's bundler decides.
 */
function callingSdkPreloads() {
  return {
    name: 'calling-sdk-preloads',
    load(id) {
      if (!id.replaceAll('\\', '/').endsWith(CALLING_SDK_PRELOADS)) return null;
      return `export const callingSdkPreloads = ['${CALLING_SDK_MARKER}'];`;
    },
    generateBundle(_options, bundle) {
      const sdk = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.name === 'acs-calling-sdk');
      if (!sdk) this.error('No acs-calling-sdk chunk to preload');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.code.includes(CALLING_SDK_MARKER)) continue;
        const relative = posix.relative(posix.dirname(chunk.fileName), sdk.fileName);
        chunk.code = chunk.code.replace(new RegExp(`(["'])${CALLING_SDK_MARKER}\\1`), `new URL("./${relative}",import.meta.url).href`);
      }
    },
  };
}

/** Writes manifest.json: each chunk with the packages inside it, for the size and chunk checks. */
function chunkManifest() {
  return {
    name: 'chunk-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunks[fileName] = {
          name: chunk.name,
          isEntry: chunk.isEntry,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          packages: [...new Set(chunk.moduleIds.map(packageOf).filter(Boolean))].sort(),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ chunks }, null, 2) });
    },
  };
}

const npmBuild = {
  input: {
    index: 'src/index.ts',
    chat: 'src/chat.ts',
    call: 'src/call.ts',
    dialpad: 'src/dialpad.ts',
    react: 'src/react.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/node/web-test-runner': 'src/testing/node/web-test-runner.ts',
  },
  external: (id) => id.startsWith('node:') || runtimeDependencies.some((dependency) => id === dependency || id.startsWith(`${dependency}/`)),
  plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), compactCssLiterals(), typescript()],
  output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
};

const cdnBuild = {
  input: { 'acs-elements': 'src/index.ts', 'acs-chat': 'src/chat.ts', 'acs-call': 'src/call.ts', 'acs-dialpad': 'src/dialpad.ts' },
  plugins: [
    modernLibphonenumber(),
    signalingWithoutEval(),
    nodeResolve({ browser: true, exportConditions: ['browser'], preferBuiltins: false, extensions: ['.ts', '.js'] }),
    commonjs(),
    compactCssLiterals(),
    typescript(),
    minifyExceptCallingSdk(),
    callingSdkPreloads(),
    chunkManifest(),
  ],
  output: {
    dir: 'dist/cdn',
    format: 'es',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks(id) {
      const name = packageOf(id);
      return CDN_SDK_CHUNKS.find(([, packages]) => packages.includes(name))?.[0];
    },
  },
  onwarn(warning, warn) {
    // The SDKs' own circular imports and `this` rewrites are theirs, and harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

export default [npmBuild, cdnBuild];
