import { build } from 'esbuild';
import { createRequire } from 'node:module';

/**
 * The CommonJS packages the chat SDK imports (`@azure/communication-signaling` for real-time events,
 * and `events`). Browsers load only ES modules, and @web/dev-server serves packages as they are.
 */
const COMMONJS_PACKAGES = ['@azure/communication-signaling', 'events'];
const PREFIX = '/__acs-elements-prebundled__/';

/** The part of @web/dev-server's plugin interface this plugin implements. */
export interface DevServerPlugin {
  name: string;
  resolveImport(args: { source: string }): string | undefined;
  serve(context: { path: string }): Promise<{ body: string; type: string } | undefined>;
}

/**
 * A @web/test-runner (and @web/dev-server) plugin for pages that use acs-elements: it serves the
 * CommonJS packages under the chat SDK as ES modules with their named exports, bundled once with
 * esbuild (as Vite's dependency pre-bundling does). Without it, `<acs-chat>` on the real chat SDK
 * fails with `sdk-load-failed` ("does not provide an export named 'CommunicationSignalingClient'").
 *
 * ```js
 * import { acsElementsPlugin } from 'acs-elements/testing/web-test-runner';
 * export default { nodeResolve: { browser: true, exportConditions: ['browser'] }, plugins: [acsElementsPlugin()] };
 * ```
 */
export function acsElementsPlugin(): DevServerPlugin {
  // Resolved from acs-elements itself: the copies its chat SDK imports.
  const require = createRequire(import.meta.url);
  const bundles = new Map<string, Promise<string>>();
  return {
    name: 'acs-elements',
    resolveImport({ source }) {
      return COMMONJS_PACKAGES.includes(source) ? `${PREFIX}${encodeURIComponent(source)}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      if (!COMMONJS_PACKAGES.includes(name)) return undefined;
      let bundle = bundles.get(name);
      if (!bundle) bundles.set(name, (bundle = bundleAsEsm(require, name)));
      return { body: await bundle, type: 'js' };
    },
  };
}

async function bundleAsEsm(require: NodeJS.Require, name: string): Promise<string> {
  // The trailing slash resolves the npm package even where Node has a builtin of that name (events).
  const entry = require.resolve(`${name}/`);
  const exportNames = Object.keys(require(entry) as object).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
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
