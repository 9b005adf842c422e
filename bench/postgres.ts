/**
 * A real PostgreSQL for the tests and the bench (issue 11): a cluster of its own in a temporary folder, on a
 * free loopback port, made with the server binaries of this machine (/usr/lib/postgresql/N/bin;
 * `.ci/run` installs Debian's `postgresql` where they are missing). initdb and pg_ctl refuse to
 * run as root, so as root they run as the `postgres` user. Stopped and removed by `stop()`.
 *
 * Made for tests only: no fsync, trust authentication on 127.0.0.1.
 */
import {execFile} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {chown, mkdtemp, rm} from 'node:fs/promises';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type TestPostgres = {
	port: number;
	/** A new, empty database on the cluster; returns its URL. */
	createDatabase(name?: string): Promise<string>;
	/** Stops the server (fast), keeping its files: `start()` brings it back. */
	halt(): Promise<void>;
	start(): Promise<void>;
	/** Stops the server and removes its folder. */
	stop(): Promise<void>;
};

/** The newest PostgreSQL server binaries on this machine, or a clear error. */
export function postgresBinaries(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const version = versions[0];
	if (version === undefined) {
		throw new Error(
			'No PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install the Debian package postgresql (.ci/run does).',
		);
	}
	return path.join(root, version, 'bin');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export async function startTestPostgres(): Promise<TestPostgres> {
	const bin = postgresBinaries();
	const isRoot = process.getuid?.() === 0;
	const as = async (command: string, args: string[]) => {
		const file = path.join(bin, command);
		return isRoot
			? run('runuser', ['-u', 'postgres', '--', file, ...args])
			: run(file, args);
	};
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-pg-'));
	const data = path.join(directory, 'data');
	if (isRoot) {
		const {stdout} = await run('id', ['-u', 'postgres']);
		const {stdout: group} = await run('id', ['-g', 'postgres']);
		await chown(directory, Number(stdout.trim()), Number(group.trim()));
	}
	await as('initdb', [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--locale=C',
		'--no-sync',
	]);
	let port = 0;
	const start = async () => {
		await as('pg_ctl', [
			'-D',
			data,
			'-l',
			path.join(directory, 'server.log'),
			'-w',
			'-t',
			'30',
			'-o',
			`-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
			'start',
		]);
	};
	for (let attempt = 1; ; attempt++) {
		port = await freePort();
		try {
			await start();
			break;
		} catch (error) {
			// Another program took the port between our look and PostgreSQL's bind.
			if (attempt >= 3) {
				await rm(directory, {recursive: true, force: true});
				throw error;
			}
		}
	}
	const halt = async () => {
		await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(
			() => undefined,
		);
	};
	let made = 0;
	return {
		port,
		async createDatabase(name) {
			made += 1;
			const database = name ?? `test_${process.pid}_${made}`;
			const client = new pg.Client({
				connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
			});
			await client.connect();
			try {
				await client.query(`create database "${database}"`);
			} finally {
				await client.end();
			}
			return `postgres://postgres@127.0.0.1:${port}/${database}`;
		},
		halt,
		start,
		async stop() {
			await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
				() => undefined,
			);
			await rm(directory, {recursive: true, force: true});
		},
	};
}
