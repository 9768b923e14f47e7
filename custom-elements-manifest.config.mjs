export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**'],
  outdir: '.',
  litelement: true,
};
