/**
 * Issue 12, points 12 and 14, on the command line: the dashboard refused clearly where there is
 * no terminal (no Ink loaded for that), each vendor subcommand's own help, "Minted an
 * installation key" in both languages, and "Licenses reactivated" said only when something was
 * bound to other hardware. Each test is named after what broke on the old main (c230bab).
 */
import {execFile, spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {renderOutcome} from '../source/i18n/outcome.js';
import {CLI, PROCESS_BOUND_MS, runCli} from './helpers/cli-process.js';
import {startVendor, type VendorProcess} from './helpers/vendor-process.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

const TRACE = path.resolve('test/helpers/trace-imports.mjs');
const drawsSomething = (url: string) =>
	/node_modules\/(ink|react|react-reconciler|ink-[a-z-]+)\//.test(url);

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-issue-12-cli-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** The CLI with every module it loads reported, its stdin and stdout pipes. */
function traced(
	args: string[],
	lang: 'en' | 'fr',
): Promise<{code: number; stderr: string; modules: string[]}> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['--import', TRACE, CLI, ...args],
			{
				env: {
					...process.env,
					LANG: lang === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8',
					LC_ALL: '',
				},
				timeout: PROCESS_BOUND_MS,
			},
			(error, _stdout, stderr) => {
				const code =
					error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
				resolve({
					code,
					stderr: stderr.replace(/^\[import\] .*\n/gm, ''),
					modules: [...stderr.matchAll(/^\[import\] (\S+)$/gm)].map(
						(match) => match[1]!,
					),
				});
			},
		);
	});
}

/** A command in a pseudo-terminal (script(1)), with the shell redirections given. */
function inPty(command: string): Promise<string> {
	return new Promise((resolve) => {
		execFile(
			'script',
			['-qfec', command, '/dev/null'],
			{
				env: {...process.env, LANG: 'en_US.UTF-8', LC_ALL: ''},
				timeout: PROCESS_BOUND_MS,
			},
			(_error, stdout) => resolve(stdout.replace(/\r/g, '')),
		);
	});
}

describe('point 12: a terminal that is not a TTY', () => {
	it.each([
		['en', ['demo'], 'neither its standard input nor its standard output'],
		[
			'fr',
			['--store', 'STORE'],
			'ni son entrée standard ni sa sortie standard',
		],
	] as const)(
		'no-tty-no-message (%s): the dashboard says it needs a terminal and points to status, exit 2, Ink never loaded',
		async (lang, args, streams) => {
			const store = `sqlite://${path.join(directory, `${lang}.sqlite`)}`;
			const result = await traced(
				args.map((arg) => (arg === 'STORE' ? store : arg)),
				lang,
			);
			expect(result.code).toBe(2);
			expect(result.stderr).toContain(streams);
			expect(result.stderr).toContain('myq-license status');
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.modules.length).toBeGreaterThan(0);
			expect(result.modules.filter(drawsSomething)).toEqual([]);
		},
	);

	it('stdout-piped: standard output a file, standard input a terminal: the message names standard output', async () => {
		const out = path.join(directory, 'out.txt');
		const shown = await inPty(
			`${process.execPath} ${CLI} demo > ${out}; echo "exit=$?"`,
		);
		expect(shown).toContain(
			'The dashboard needs a terminal: its standard output is not a terminal (TTY): it is a pipe or a file. In scripts, use myq-license status',
		);
		expect(shown).toContain('exit=2');
		// Nothing drawn into the file: no alternate screen, no frame.
		expect(await readFile(out, 'utf8')).toBe('');
	});

	it('stdin-redirected: standard input a file, standard output a terminal: the message names standard input', async () => {
		const shown = await inPty(
			`${process.execPath} ${CLI} demo < /dev/null; echo "exit=$?"`,
		);
		expect(shown).toContain(
			'The dashboard needs a terminal: its standard input is not a terminal (TTY).',
		);
		expect(shown).toContain('exit=2');
		expect(shown).not.toContain('\u001B[?1049h');
	});
});

describe('point 14: each vendor subcommand has its own help', () => {
	const SUBCOMMANDS = [
		'serve',
		'mint',
		'offline-activate',
		'extend',
		'cancel-renewal',
		'revoke',
	];

	it.each(['en', 'fr'] as const)(
		'vendor-mint-help-is-the-whole-vendor-help (%s): vendor SUB --help shows SUB only, with examples',
		async (lang) => {
			for (const sub of SUBCOMMANDS) {
				const help = await runCli(['vendor', sub, '--help'], {lang});
				expect(help.code, sub).toBe(0);
				const usage = help.stdout.split('\n\n')[0]!;
				expect(usage, sub).toMatch(
					lang === 'fr' ? /^Utilisation\n/ : /^Usage\n/,
				);
				for (const line of usage.split('\n').slice(1))
					expect(line, sub).toContain(`myq-license vendor ${sub} `);
				for (const other of SUBCOMMANDS.filter((name) => name !== sub))
					expect(help.stdout, `${sub} shows ${other}`).not.toContain(
						`$ myq-license vendor ${other} `,
					);
				expect(help.stdout, sub).toMatch(
					lang === 'fr'
						? /Exemples\n {2}\$ myq-license vendor /
						: /Examples\n {2}\$ myq-license vendor /,
				);
			}
			// vendor --help names each subcommand and how to get its help.
			const overview = await runCli(['vendor', '--help'], {lang});
			for (const sub of SUBCOMMANDS) expect(overview.stdout).toContain(sub);
			expect(overview.stdout).toContain('myq-license vendor');
			expect(overview.stdout).toContain('--help');
		},
	);
});

describe('point 14: what vendor mint says', () => {
	let vendor: VendorProcess | undefined;
	afterEach(async () => {
		await vendor?.stop();
		vendor = undefined;
	});

	it('minted-a-installation-key: "Minted an installation key", "Minted a license key", and in French, the key on the last line', async () => {
		vendor = await startVendor({store: 'memory:', token: 's3cret'});
		const mint = (lang: 'en' | 'fr', type: string[]) =>
			runCli(
				[
					'vendor',
					'mint',
					'--server',
					vendor!.url,
					'--token',
					's3cret',
					...type,
				],
				{lang},
			);
		const installation = ['--type', 'installation', '--license', 'perpetual:1'];
		const license = [
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'2',
		];
		const key = /^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/;
		for (const [lang, type, said] of [
			['en', installation, 'Minted an installation key:'],
			['en', license, 'Minted a license key:'],
			['fr', installation, "Clé d'installation créée :"],
			['fr', license, 'Clé de licence créée :'],
		] as const) {
			const result = await mint(lang, [...type]);
			expect(result.code, result.stderr).toBe(0);
			const lines = result.stdout.trimEnd().split('\n');
			expect(lines).toHaveLength(2);
			expect(lines[0]).toBe(said);
			expect(lines[1]).toMatch(key);
		}
	});
});

describe('point 14: "Licenses reactivated" only when something needed it', () => {
	let world: World | undefined;
	afterEach(async () => {
		await world?.dispose();
		world = undefined;
	});

	it('reactivated-when-nothing-needed-it: a second Activate on the same hardware says the licenses are up to date; on new hardware, reactivated', async () => {
		world = await createWorld();
		const key = await world.mint({
			type: 'installation',
			licenses: [
				{kind: 'subscription', devices: 10, termDays: 365},
				{kind: 'perpetual', devices: 1},
			],
		});
		await world.runtime.save(CUSTOMER, key);
		expect(await world.runtime.activate()).toMatchObject({
			ok: true,
			code: 'activated',
		});
		const again = await world.runtime.activate();
		expect(again).toMatchObject({ok: true, code: 'up-to-date'});
		expect(renderOutcome('en', again)).toBe(
			'Activated: the licenses are up to date (2 in all).',
		);
		expect(renderOutcome('fr', again)).toBe(
			'Activé : les licences sont à jour (2 au total).',
		);
		world.hardware.name = 'server-b';
		await world.restart();
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(true);
		const moved = await world.runtime.activate();
		expect(moved).toMatchObject({ok: true, code: 'reactivated'});
		expect(renderOutcome('en', moved)).toBe(
			"Licenses reactivated on this server's hardware (2 in all).",
		);
	});
});

/**
 * The dashboard in a pseudo-terminal (script(1)) at 80×24, `keys` typed one after the other once
 * `ready` shows, then q; everything it wrote.
 */
function dashboardInPty(
	env: Record<string, string>,
	keys: string[],
	ready: string,
): Promise<{code: number | null; output: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			'script',
			[
				'-qfec',
				`stty cols 80 rows 24; exec ${process.execPath} ${CLI} demo`,
				'/dev/null',
			],
			{
				env: {...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ...env},
				stdio: ['pipe', 'pipe', 'pipe'],
			},
		);
		let output = '';
		let typed = false;
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the dashboard did not end:\n${output}`));
		}, PROCESS_BOUND_MS);
		child.stdout.on('data', async (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (typed || !output.includes(ready)) return;
			typed = true;
			// Ink reads keys once its input is set up, just after the first frame.
			await new Promise((done) => setTimeout(done, 500));
			for (const key of [...keys, 'q']) {
				child.stdin.write(key);
				await new Promise((done) => setTimeout(done, 300));
			}
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, output});
		});
	});
}

/** A colour or inverse SGR sequence (ESC [ 31 m and the like). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence is what it looks for
const COLOUR = /\u001B\[(3[0-7]|9[0-7]|4[0-7]|7)m/;

describe('point 12: screen reader and NO_COLOR in a real terminal', () => {
	it('screen-reader-gets-a-full-screen-app: INK_SCREEN_READER=true draws plain lines in the terminal’s own flow: no alternate screen, no colour, no border, the focus said', async () => {
		const {code, output} = await dashboardInPty(
			{INK_SCREEN_READER: 'true'},
			['2'],
			'Recent events',
		);
		expect(code).toBe(0);
		expect(output).not.toContain('\u001B[?1049h');
		expect(output).not.toMatch(COLOUR);
		expect(output).not.toMatch(/[╭╮╰╯│]/);
		expect(output).toContain('[»Enter license«]');
		expect(output).toContain('(selected) › Company');
		expect(output).toContain('[Browse] Enter type in the field');
	});

	it('no-color-hides-the-focus: NO_COLOR=1 keeps the focus and the state visible as text, with no colour at all', async () => {
		const {code, output} = await dashboardInPty(
			{NO_COLOR: '1'},
			['2'],
			'Recent events',
		);
		expect(code).toBe(0);
		expect(output).not.toMatch(COLOUR);
		expect(output).toContain('[»Enter license«]');
		expect(output).toContain('[1 Home]');
		expect(output).toContain('› Company');
		expect(output).toContain('[Browse]');
		expect(output).toContain('● Unlicensed');
	});
});
