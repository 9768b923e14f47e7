/**
 * Helpers for headless component tests of pages that use acs-elements.
 * The fake call engine joins this entry with the `<acs-call>` work.
 */
export { createTestToken, type TestTokenOptions } from './test-token.js';
