/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir loops forever, at full CPU, where a
 * folder cannot be made although its parent exists (`--store /proc/1/nope/x.sqlite`,
 * `MYQ_CONFIG_DIR=/proc/1/nope`). Folders made take `mode`; Node's errors are thrown as they are
 * (ENOENT or ENOTDIR: the path cannot exist).
 */
import {mkdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {hasCode} from './node-error.js';

export async function makeDirectories(
	directory: string,
	mode?: number,
): Promise<void> {
	const missing: string[] = [];
	for (let current = directory; ; ) {
		try {
			if (!(await stat(current)).isDirectory()) {
				throw Object.assign(new Error(`${current} is not a directory`), {
					code: 'ENOTDIR',
				});
			}
			break;
		} catch (error) {
			if (!hasCode(error, 'ENOENT')) throw error;
			missing.push(current);
			const parent = path.dirname(current);
			if (parent === current) break;
			current = parent;
		}
	}
	for (const folder of missing.reverse()) {
		try {
			await mkdir(folder, mode === undefined ? undefined : {mode});
		} catch (error) {
			if (!hasCode(error, 'EEXIST')) throw error;
		}
	}
}
