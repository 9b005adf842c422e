/**
 * The program the CLI tests run: package.json's `bin` (the esbuild bundle `npm run build` makes,
 * issue 16), so what is tested is what `npm install` puts on the PATH and what `npm run bench`
 * times.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
	bin: Record<string, string>;
};

/** The absolute path of `myq-license`'s bin. */
export const CLI = path.resolve(manifest.bin['myq-license']!);

/** What to say when it is missing. */
export const MISSING_BUILD = `${manifest.bin['myq-license']} is missing: npm test builds it first (npm run build).`;
