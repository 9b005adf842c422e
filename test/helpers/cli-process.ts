/**
 * The built CLI in a real process, as an admin or a script runs it, under a time bound the test
 * sets: a command that does not end within it is killed and the test fails saying so (a hang,
 * not a slow machine: the bound is far above what any command takes).
 */
import {execFile, spawn} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';

export const CLI = path.resolve('dist/source/cli.js');
export const PROCESS_BOUND_MS = 15_000;

export type CliResult = {code: number | null; stdout: string; stderr: string};

export type CliOptions = {
	/** The locale the process gets (LANG). @default 'en' */
	lang?: 'en' | 'fr';
	env?: Record<string, string>;
	/** Written to standard input; the command may stop reading before its end. */
	input?: Buffer;
	/** The time bound, for a command whose work is long by design (a batch of replays). @default PROCESS_BOUND_MS */
	boundMs?: number;
};

const run = promisify(execFile);

export async function runCli(
	args: string[],
	options: CliOptions = {},
): Promise<CliResult> {
	const env = {
		...process.env,
		LANG: options.lang === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8',
		LC_ALL: '',
		...options.env,
	};
	const bound = options.boundMs ?? PROCESS_BOUND_MS;
	const hang = () =>
		new Error(
			`myq-license ${args.join(' ').slice(0, 200)} did not finish within ${bound / 1000} s`,
		);
	if (options.input !== undefined) {
		const {input} = options;
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [CLI, ...args], {env});
			let stdout = '';
			let stderr = '';
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(hang());
			}, bound);
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
			});
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			child.stdin.on('error', () => undefined);
			child.stdin.end(input);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({code, stdout, stderr});
			});
		});
	}
	try {
		const {stdout, stderr} = await run(process.execPath, [CLI, ...args], {
			env,
			timeout: bound,
			killSignal: 'SIGKILL',
			maxBuffer: 64 * 1024 * 1024,
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as CliResult & {killed?: boolean};
		if (failed.killed) throw hang();
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

/** A valid customer, as `register` flags. */
export const CUSTOMER_FORM = {
	company: 'Acme',
	person: 'Jane Roe',
	address: '1 Rue X, Paris',
	country: 'FR',
	email: 'it@acme.test',
};

/** `register` with a form's fields as flags (the valid customer by default). */
export function registerArgs(
	form: Record<string, string> = CUSTOMER_FORM,
): string[] {
	return [
		'register',
		...Object.entries(form).flatMap(([field, value]) => [`--${field}`, value]),
	];
}

/**
 * What an output may not hold (issue 10 point 7): a control character other than the line
 * breaks between lines, a bidirectional control, a line separator, a lone surrogate.
 */
export const RAW_BUT_LINES =
	/[^\P{Cc}\n]|[\p{Bidi_Control}\p{Zl}\p{Zp}]|\p{Cs}/u;
