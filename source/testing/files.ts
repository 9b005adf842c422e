/**
 * The files the dashboard reads and writes (manual activation, R5) kept in memory: a test never
 * writes to the data directory of the person running it, and can read the request the dashboard
 * wrote or put a response where the dashboard reads it.
 */
import type {FileAccess} from '../ui/app.js';

export type {FileAccess};

/** The folder the dashboard offers first for the request file. */
export const MEMORY_DATA_FOLDER = '/home/admin/.local/share/myq-license';

/** A FileAccess over `files` (path → text); a relative or empty folder is taken as `/data`. */
export function memoryFiles(files: Map<string, string>): FileAccess {
	return {
		async read(path) {
			const text = files.get(path);
			if (text === undefined)
				throw Object.assign(new Error(`ENOENT: no such file, ${path}`), {
					code: 'ENOENT',
				});
			return text;
		},
		async write(path, text) {
			files.set(path, text);
		},
		resolve: (folder) => (folder.trim() === '' ? '/data' : folder.trim()),
		defaultFolder: () => MEMORY_DATA_FOLDER,
	};
}
