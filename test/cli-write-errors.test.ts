/**
 * Writes that fail, in real processes: a reader that closes the pipe early (EPIPE), stdout on a
 * full disk (ENOSPC), a request file that cannot be written. No stack trace, and a failed write
 * changes nothing.
 */
import {execFile, spawn} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	type ServedVendor,
	serveVendor,
} from '../source/license-server/serve.js';

const run = promisify(execFile);
const CLI = path.resolve('dist/source/cli.js');
const TOKEN = 'write-errors-token';
const ENV = {...process.env, LANG: 'en_US.UTF-8', LC_ALL: ''};

type Result = {code: number; stdout: string; stderr: string};

async function cli(args: string[]): Promise<Result> {
	try {
		const {stdout, stderr} = await run(process.execPath, [CLI, ...args], {
			env: ENV,
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

/** Runs the CLI with the given stdout; collects stderr and the exit code. */
async function spawnCli(
	args: string[],
	stdout: 'pipe' | number,
	onStdout?: (child: ReturnType<typeof spawn>) => void,
): Promise<{code: number | null; stderr: string}> {
	const child = spawn(process.execPath, [CLI, ...args], {
		env: ENV,
		stdio: ['ignore', stdout, 'pipe'],
	});
	onStdout?.(child);
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const code = await new Promise<number | null>((resolve) =>
		child.on('close', resolve),
	);
	return {code, stderr};
}

let directory: string;
let vendor: ServedVendor;

beforeAll(async () => {
	if (!existsSync(CLI)) {
		throw new Error('dist/source/cli.js is missing: run npm run build first.');
	}
	directory = await mkdtemp(path.join(tmpdir(), 'myq-write-errors-'));
	vendor = await serveVendor({
		port: 0,
		storeUrl: `sqlite://${path.join(directory, 'vendor.sqlite')}`,
		token: TOKEN,
		write: () => undefined,
	});
});

afterAll(async () => {
	await vendor?.close().catch(() => undefined);
	await rm(directory, {recursive: true, force: true});
});

describe('stdout that cannot be written: no stack trace, ever', () => {
	it('closed-pipe-ends-quietly', async () => {
		// Given a reader that has gone before the first line (`| head -0`): every write is EPIPE
		const {code, stderr} = await spawnCli(['--help'], 'pipe', (child) => {
			child.stdout!.destroy();
		});
		// Then the command ends quietly with its own code
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});

	// --version exited 0, saying nothing, with its version lost on a full disk (meow's printing).
	it.skipIf(!existsSync('/dev/full')).each([['--help'], ['--version']])(
		'full-disk-stdout-clear-message: %s',
		async (flag) => {
			const full = openSync('/dev/full', 'w');
			try {
				const {code, stderr} = await spawnCli([flag], full);
				expect(code).toBe(1);
				expect(stderr.trim().split('\n')).toHaveLength(1);
				expect(stderr).toMatch(/could not write to standard output/i);
				expect(stderr).toMatch(/ENOSPC|no space/i);
				expect(stderr).not.toMatch(/\n\s+at /);
			} finally {
				closeSync(full);
			}
		},
	);
});

describe('a failed write changes nothing', () => {
	it('failed-request-write-keeps-the-waiting-request', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'manual.sqlite')}`,
			'--server',
			'http://127.0.0.1:9',
			'--vendor-key',
			vendor.publicKey,
		];
		const minted = await cli([
			'vendor',
			'mint',
			'--server',
			vendor.url,
			'--token',
			TOKEN,
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'3',
		]);
		expect(minted.code, minted.stderr).toBe(0);
		const key = minted.stdout.trim().split('\n').at(-1)!;
		await cli([
			'register',
			...store,
			'--company',
			'Acme',
			'--person',
			'Jane Roe',
			'--address',
			'x',
			'--country',
			'DE',
			'--email',
			'a@b.test',
		]);
		expect((await cli(['add-key', ...store, key])).code).toBe(0);

		// Given a request exported and answered by the vendor portal
		const requestFile = path.join(directory, 'request.json');
		const responseFile = path.join(directory, 'response.json');
		const exported = await cli([
			'activate',
			...store,
			'--manual',
			'--out',
			requestFile,
		]);
		expect(exported.code, exported.stderr).toBe(0);
		const portal = await cli([
			'vendor',
			'offline-activate',
			requestFile,
			'-o',
			responseFile,
			'--server',
			vendor.url,
		]);
		expect(portal.code, portal.stderr).toBe(0);

		// When a new request cannot be written
		const missing = '/no/such/dir/r.json';
		const failed = await cli([
			'activate',
			...store,
			'--manual',
			'--out',
			missing,
		]);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain(missing);
		expect(failed.stderr).not.toMatch(/\n\s+at /);

		// Then the earlier response is still the one awaited
		const imported = await cli(['import', ...store, responseFile]);
		expect(imported.code, imported.stderr).toBe(0);
	});
});
