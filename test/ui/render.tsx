/**
 * Moved to test/helpers/screen.ts (myq-license/testing's terminal, ink-testing-library drawing):
 * this path stays for the tests that still import it.
 */
export * from '../helpers/screen.js';
