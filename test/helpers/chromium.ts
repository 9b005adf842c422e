/**
 * Headless Chromium (Debian's `chromium`) driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: JSON messages ended by a NUL byte, on file descriptors 3 and 4),
 * which needs no WebSocket client and no browser download. Started with a fresh profile in a
 * temporary folder, and closed with it.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Readable, Writable} from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

type Message = {
	id?: number;
	method?: string;
	params?: Record<string, unknown>;
	result?: Record<string, unknown>;
	error?: {message: string};
	sessionId?: string;
};

export type Browser = {
	/** A command, in the page's session when `sessionId` is given. */
	send<T = Record<string, unknown>>(
		method: string,
		params?: Record<string, unknown>,
		sessionId?: string,
	): Promise<T>;
	/** Every event received so far (method and params). */
	readonly events: Message[];
	/** Resolves at the first event of `method` received from now on. */
	next(method: string): Promise<Message>;
	close(): Promise<void>;
};

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does it.`,
		);
	}
	const profile = await mkdtemp(path.join(tmpdir(), 'myq-chromium-'));
	const child: ChildProcess = spawn(
		CHROMIUM,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--no-first-run',
			'--no-default-browser-check',
			'--hide-scrollbars',
			'--remote-debugging-pipe',
			`--user-data-dir=${profile}`,
			'about:blank',
		],
		{stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']},
	);
	const toBrowser = child.stdio[3] as Writable;
	const fromBrowser = child.stdio[4] as Readable;
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
	});
	let nextId = 1;
	const pending = new Map<
		number,
		{resolve: (value: Message) => void; reject: (error: Error) => void}
	>();
	const events: Message[] = [];
	const waiters: {method: string; resolve: (message: Message) => void}[] = [];
	let buffer = Buffer.alloc(0);
	fromBrowser.on('data', (chunk: Buffer) => {
		buffer = Buffer.concat([buffer, chunk]);
		for (;;) {
			const end = buffer.indexOf(0);
			if (end === -1) break;
			const message = JSON.parse(buffer.subarray(0, end).toString()) as Message;
			buffer = buffer.subarray(end + 1);
			if (message.id !== undefined) {
				const waiting = pending.get(message.id);
				pending.delete(message.id);
				if (message.error) waiting?.reject(new Error(message.error.message));
				else waiting?.resolve(message);
			} else if (message.method) {
				events.push(message);
				for (const waiter of [...waiters]) {
					if (waiter.method === message.method) {
						waiters.splice(waiters.indexOf(waiter), 1);
						waiter.resolve(message);
					}
				}
			}
		}
	});
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => resolve()),
	);
	child.once('exit', (code) => {
		for (const {reject} of pending.values()) {
			reject(new Error(`chromium exited (${code}): ${stderr}`));
		}
		pending.clear();
	});
	return {
		events,
		send(method, params = {}, sessionId) {
			const id = nextId++;
			const message = {id, method, params, ...(sessionId ? {sessionId} : {})};
			return new Promise((resolve, reject) => {
				pending.set(id, {
					resolve: (reply) => resolve(reply.result as never),
					reject,
				});
				toBrowser.write(`${JSON.stringify(message)}\0`);
			});
		},
		next(method) {
			return new Promise((resolve) => waiters.push({method, resolve}));
		},
		async close() {
			if (child.exitCode === null) {
				toBrowser.write(
					`${JSON.stringify({id: nextId++, method: 'Browser.close'})}\0`,
				);
				const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
				await exited;
				clearTimeout(timer);
			}
			await rm(profile, {recursive: true, force: true});
		},
	};
}
