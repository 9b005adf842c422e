/**
 * Moved to test/helpers/dashboard-world.ts (the dashboard of myq-license/testing on a demo
 * controller): this path stays for the tests that still import it.
 */
export * from '../helpers/dashboard-world.js';
