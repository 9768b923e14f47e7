export default {
  // The public API: the entries, the elements and the bases they inherit from (internal modules stay out).
  globs: ['src/*.ts', 'src/*/acs-*.ts', 'src/core/acs-element.ts', 'src/calling/call-element.ts'],
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
