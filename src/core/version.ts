/** This copy's package version (kept equal to package.json's by a test): tells two copies on one page apart. */
export const VERSION = '0.1.0';
