// typescript-eslint loads the TypeScript compiler API with `require('typescript')`. The repo's own
// `typescript` is 7.x (native tsc, no JS API), and npm gives root packages one copy of a peer, so
// typescript-eslint is a dependency of this workspace package, next to a typescript 5.9 that npm
// nests here (tools/eslint-typescript/node_modules). The build and typecheck keep using 7.x.
//
// One helper escapes the nesting: ts-api-utils accepts any typescript >= 4.8, so npm hoists it to
// the root, where `typescript` is 7.x. Nothing in the lint process can use 7.x (it has no API), so
// every `require('typescript')` in it resolves to this package's 5.9 instead.
import Module, { createRequire } from 'node:module';

const typescript5 = createRequire(import.meta.url).resolve('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript5 : resolveFilename.call(this, request, ...rest);
};

const { default: tseslint } = await import('typescript-eslint');
export default tseslint;
