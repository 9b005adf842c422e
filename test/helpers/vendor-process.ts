/**
 * `myq-license vendor serve` as a real process (the built CLI), for the tests of several
 * instances on one database and of how the server runs (logs, SIGTERM, kill -9).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {CLI, MISSING_BUILD} from './bin.js';

export {CLI};

export type VendorProcess = {
	url: string;
	publicKey: string;
	child: ChildProcess;
	/** Everything printed so far on stdout (the log lines) and stderr. */
	stdout(): string;
	stderr(): string;
	/** Resolves with the exit code (or the signal's name) once the process has ended. */
	exited: Promise<number | string>;
	/** SIGTERM, then waits for the end. */
	stop(): Promise<number | string>;
	/** SIGKILL, then waits for the end. */
	kill(): Promise<number | string>;
};

export type StartOptions = {
	store: string;
	token?: string;
	extra?: string[];
	/** @default 20_000 */
	timeoutMs?: number;
};

export function requireBuild(): void {
	if (!existsSync(CLI)) {
		throw new Error(MISSING_BUILD);
	}
}

/**
 * Starts `vendor serve` on a free port and resolves once it prints its URL and public key; or
 * rejects with what it printed when it exits first.
 */
export function startVendor(options: StartOptions): Promise<VendorProcess> {
	const child = spawn(
		process.execPath,
		[
			CLI,
			'vendor',
			'serve',
			'--port',
			'0',
			'--store',
			options.store,
			...(options.token === undefined ? [] : ['--token', options.token]),
			...(options.extra ?? []),
		],
		{
			env: {...process.env, LANG: 'en_US.UTF-8', LC_ALL: ''},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let out = '';
	let err = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		out += chunk.toString('utf8');
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		err += chunk.toString('utf8');
	});
	const exited = new Promise<number | string>((resolve) => {
		child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
	});
	return new Promise<VendorProcess>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(
					`vendor serve did not start within ${options.timeoutMs ?? 20_000} ms:\n${out}\n${err}`,
				),
			);
		}, options.timeoutMs ?? 20_000);
		const check = () => {
			const url = /License server listening on (\S+)/.exec(out)?.[1];
			const publicKey = /Vendor public key: (\S+)/.exec(out)?.[1];
			if (url === undefined || publicKey === undefined) return;
			clearTimeout(timer);
			child.stdout?.off('data', check);
			resolve({
				url,
				publicKey,
				child,
				stdout: () => out,
				stderr: () => err,
				exited,
				stop: async () => {
					child.kill('SIGTERM');
					return exited;
				},
				kill: async () => {
					child.kill('SIGKILL');
					return exited;
				},
			});
		};
		child.stdout?.on('data', check);
		void exited.then((code) => {
			clearTimeout(timer);
			reject(
				new Error(
					`vendor serve exited (${code}) before it listened:\n${out}\n${err}`,
				),
			);
		});
	});
}

/** One JSON request to a server; the body parsed when it is JSON. */
export async function request(
	url: string,
	method: string,
	path: string,
	body?: unknown,
	token?: string,
): Promise<{status: number; body: Record<string, unknown>; text: string}> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			...(token === undefined ? {} : {authorization: `Bearer ${token}`}),
		},
		...(body === undefined ? {} : {body: JSON.stringify(body)}),
	});
	const text = await response.text();
	let json: Record<string, unknown> = {};
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {}
	return {status: response.status, body: json, text};
}
