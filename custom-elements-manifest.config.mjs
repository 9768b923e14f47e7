export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The glob walk follows directory order, which differs between machines: sort for a stable file.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
