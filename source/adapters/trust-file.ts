/**
 * The trust file (R16): the vendor public key this user trusts, kept in the user's config
 * directory like ssh's known_hosts, apart from the store it protects. Whoever can write the
 * store cannot name the key its documents are checked with.
 *
 * The directory is `$MYQ_CONFIG_DIR` when set, else the config directory env-paths gives
 * (`$XDG_CONFIG_HOME/myq-license` or `~/.config/myq-license` on Linux). One key: a vendor signs
 * with one, and replacing it is a decision of its own (`myq-license trust --replace`).
 */
import {constants, type Stats} from 'node:fs';
import {open, realpath, rename, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {importPublicKey} from '../signing/index.js';
import {makeDirectories} from './make-directories.js';
import {hasCode, messageOf} from './node-error.js';

export const TRUST_FILE_NAME = 'vendor-key.json';

/** Larger than any trust file this program writes by far: a bound, not a format limit. */
const MAX_TRUST_FILE_BYTES = 16 * 1024;

/** How the key in the trust file came to be trusted. */
export type TrustHow =
	/** The admin gave it (`myq-license trust KEY`), as the vendor published it. */
	| 'given'
	/** The admin chose to trust the key a license server presented (trust on first use). */
	| 'first-use';

export type TrustEntry = {
	vendorKey: string;
	how: TrustHow;
	/** The license server that presented it (first use), or null. */
	server: string | null;
	/** When it was recorded (ISO). */
	trustedAt: string;
};

type TrustFileContent = TrustEntry & {
	format: 'myq-license-trust';
	version: 1;
};

/**
 * A trust file that cannot be used (read: the configuration is wrong, bad input) or written (the
 * system refused): the message says which file and what to do.
 */
export class TrustFileError extends Error {
	override name = 'TrustFileError';
	constructor(
		readonly file: string,
		message: string,
		readonly isWrite = false,
	) {
		super(message);
	}
}

/** The config directory: `$MYQ_CONFIG_DIR`, else env-paths' (which reads XDG_CONFIG_HOME). */
export async function configDirectory(
	env: Record<string, string | undefined> = process.env,
): Promise<string> {
	const given = env.MYQ_CONFIG_DIR?.trim();
	if (given) return path.resolve(given);
	const {default: envPaths} = await import('env-paths');
	return envPaths('myq-license', {suffix: ''}).config;
}

export async function trustFilePath(
	env: Record<string, string | undefined> = process.env,
): Promise<string> {
	return path.join(await configDirectory(env), TRUST_FILE_NAME);
}

/** The entry, or null when there is no trust file. Throws TrustFileError when it is unusable. */
export async function readTrustFile(file: string): Promise<TrustEntry | null> {
	let text: string;
	try {
		text = await readBounded(file);
	} catch (error) {
		if (hasCode(error, 'ENOENT')) return null;
		if (error instanceof TrustFileError) throw error;
		throw new TrustFileError(
			file,
			`The trust file ${file} cannot be read (${messageOf(error)}). Check its permissions, or remove it and trust the vendor key again (myq-license trust).`,
		);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw unusable(file, 'it is not JSON');
	}
	const problem = contentProblem(value);
	if (problem !== null) throw unusable(file, problem);
	const {vendorKey, how, server, trustedAt} = value as TrustFileContent;
	return {vendorKey, how, server, trustedAt};
}

/** Writes the entry (the directory made if needed), whole or not at all: a temporary file renamed. */
export async function writeTrustFile(
	file: string,
	entry: TrustEntry,
): Promise<void> {
	const content: TrustFileContent = {
		format: 'myq-license-trust',
		version: 1,
		...entry,
	};
	const temporary = `${file}.${process.pid}.tmp`;
	let problem: string | null;
	try {
		await makeDirectories(path.dirname(file), 0o700);
		problem = await directoryOpenToOthers(file);
	} catch (error) {
		// A folder that cannot exist (under /proc, under a file) is the path's fault: bad input.
		throw new TrustFileError(
			file,
			`The trust file ${file} could not be written (${messageOf(error)}). Check the directory and its permissions, or set MYQ_CONFIG_DIR to another one.`,
			!hasCode(error, 'ENOENT') && !hasCode(error, 'ENOTDIR'),
		);
	}
	if (problem !== null) {
		// What it would write there, another user could change: the next read would refuse it.
		// The directory chosen is what is wrong (bad input), not the system.
		throw new TrustFileError(
			file,
			`The trust file ${file} was not written: ${problem}. Set MYQ_CONFIG_DIR to a directory only you can write, or make this one yours alone (chmod go-w).`,
		);
	}
	try {
		await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, {
			mode: 0o644,
		});
		await rename(temporary, file);
	} catch (error) {
		throw new TrustFileError(
			file,
			`The trust file ${file} could not be written (${messageOf(error)}). Check the directory and its permissions, or set MYQ_CONFIG_DIR to another one.`,
			true,
		);
	}
}

function contentProblem(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return 'it is not a trust file';
	}
	const content = value as Record<string, unknown>;
	if (content.format !== 'myq-license-trust' || content.version !== 1) {
		return 'it is not a trust file of this version';
	}
	if (typeof content.vendorKey !== 'string') return 'it names no vendor key';
	try {
		importPublicKey(content.vendorKey);
	} catch {
		return 'its vendor key is not a vendor public key (base64 of 32 bytes)';
	}
	if (content.how !== 'given' && content.how !== 'first-use') {
		return 'it does not say how the key came to be trusted';
	}
	if (
		content.server !== null &&
		(typeof content.server !== 'string' ||
			content.server.length > 2000 ||
			// biome-ignore lint/suspicious/noControlCharactersInRegex: what is refused
			/[\u0000-\u001f\u007f-\u009f]/.test(content.server))
	) {
		return 'its server is not a URL';
	}
	if (
		typeof content.trustedAt !== 'string' ||
		Number.isNaN(Date.parse(content.trustedAt))
	) {
		return 'its date is not a date';
	}
	return null;
}

function unusable(file: string, problem: string): TrustFileError {
	return new TrustFileError(
		file,
		`The trust file ${file} cannot be used: ${problem}. Remove it and trust the vendor key again (myq-license trust KEY).`,
	);
}

/**
 * The file's text, refused past MAX_TRUST_FILE_BYTES before more is read, and refused when
 * someone else than this user (or root) could have written it, as ssh's StrictModes refuses a
 * known_hosts file others can write: the key in it decides which documents are the vendor's.
 */
async function readBounded(file: string): Promise<string> {
	// Non-blocking: opening a named pipe for reading would wait for a writer, forever.
	const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const info = await handle.stat();
		if (!info.isFile()) {
			throw unusable(file, 'it is not a file');
		}
		const problem =
			openToOthers(info, 'it') ?? (await directoryOpenToOthers(file));
		if (problem !== null) {
			throw new TrustFileError(
				file,
				`The trust file ${file} cannot be trusted: ${problem}, who could have put their own key in it. Make it yours and writable by you alone (chmod go-w), or remove it and trust the vendor key again from a directory only you can write.`,
			);
		}
		const buffer = Buffer.alloc(MAX_TRUST_FILE_BYTES + 1);
		let size = 0;
		for (;;) {
			const {bytesRead} = await handle.read(
				buffer,
				size,
				buffer.length - size,
				null,
			);
			if (bytesRead === 0) break;
			size += bytesRead;
			if (size > MAX_TRUST_FILE_BYTES) {
				throw unusable(
					file,
					`it is larger than ${MAX_TRUST_FILE_BYTES} bytes, which no trust file is`,
				);
			}
		}
		return buffer.subarray(0, size).toString('utf8');
	} finally {
		await handle.close();
	}
}

/**
 * Why another user than this one (or root) could change a file or directory: it belongs to
 * them, or its mode lets its group or everyone write. Null when only this user or root can, and
 * on systems without POSIX owners (Windows).
 */
function openToOthers(info: Stats, what: string): string | null {
	const uid = process.getuid?.();
	if (uid === undefined) return null;
	if (info.uid !== uid && info.uid !== 0) {
		return `${what} belongs to another user (uid ${info.uid})`;
	}
	if ((info.mode & 0o022) !== 0) {
		return `${what} can be changed by other users (mode ${(info.mode & 0o7777).toString(8).padStart(4, '0')})`;
	}
	return null;
}

/** {@link openToOthers} for the directory the file really is in (a link is followed). */
async function directoryOpenToOthers(file: string): Promise<string | null> {
	const real = await realpath(file).catch(() => file);
	const directory = await realpath(path.dirname(real));
	return openToOthers(await stat(directory), `its directory ${directory}`);
}
