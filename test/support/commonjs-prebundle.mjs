import { build } from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PREFIX = '/__prebundled__/';

/**
 * A dev-server plugin that serves the named CommonJS packages as ES modules with named exports,
 * bundled once with esbuild (what Vite's dependency pre-bundling does). The chat SDK imports two
 * such packages (`@azure/communication-signaling`, `events`) that browsers cannot load as-is.
 */
export function prebundleCommonJs(packages) {
  const bundles = new Map();
  return {
    name: 'prebundle-commonjs',
    resolveImport({ source }) {
      if (packages.includes(source)) return `${PREFIX}${encodeURIComponent(source)}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const name = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      if (!packages.includes(name)) return;
      if (!bundles.has(name)) bundles.set(name, bundleAsEsm(name));
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}

async function bundleAsEsm(name) {
  // The trailing slash resolves the npm package even where Node has a builtin of that name (events).
  const entry = require.resolve(`${name}/`);
  const exportNames = Object.keys(require(entry)).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
  const result = await build({
    stdin: {
      contents: `const m = require(${JSON.stringify(entry)});\nexport default m;\nexport const { ${exportNames.join(', ')} } = m;\n`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
