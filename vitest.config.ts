import {tmpdir} from 'node:os';
import path from 'node:path';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// A consumer's project: run by test/consumer.test.ts against the packed tarball.
		exclude: ['test/consumer/project/**', '**/node_modules/**'],
		env: {
			FORCE_COLOR: '0',
			// R16: no test reads or writes the trust file of the person running them, nor takes
			// their MYQ_VENDOR_KEY; a test that trusts a key gives its own MYQ_CONFIG_DIR.
			MYQ_CONFIG_DIR: path.join(tmpdir(), 'myq-license-tests-config-unused'),
			MYQ_VENDOR_KEY: '',
		},
		testTimeout: 20_000,
	},
});
