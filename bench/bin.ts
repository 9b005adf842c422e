/**
 * The program `npm install` puts on the PATH (package.json's `bin`), which the start-up figures
 * time: what is measured is what ships (issue 16).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../..',
);

const manifest = JSON.parse(
	readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
) as {bin: Record<string, string>};

/** The absolute path of `myq-license`'s bin. */
export const BIN = path.join(ROOT, manifest.bin['myq-license']!);
