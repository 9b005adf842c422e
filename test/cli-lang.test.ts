/**
 * The command line as meow parses it, and the language every command speaks (issue 9): the
 * built program in child processes, as an admin runs it.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/bin.js';

const run = promisify(execFile);

type Result = {code: number; stdout: string; stderr: string};

/** The program with a neutral locale unless the test gives one. */
async function cli(
	args: string[],
	env: Record<string, string> = {},
): Promise<Result> {
	try {
		const {stdout, stderr} = await run(process.execPath, [CLI, ...args], {
			env: {
				...process.env,
				LC_ALL: '',
				LC_MESSAGES: '',
				LANG: 'C.UTF-8',
				NO_COLOR: '1',
				...env,
			},
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

const FRENCH_LOCALE = {LANG: 'fr_FR.UTF-8'};

/** The runtime's outcomes are data rendered by the catalogs (issue 9, point 4) once this exists. */
const OUTCOMES_AS_DATA = existsSync('source/i18n/outcome.ts');

let directory: string;
let registered: string[];
let fresh: string[];

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-cli-lang-'));
	registered = [
		'--store',
		`sqlite://${path.join(directory, 'registered.sqlite')}`,
	];
	fresh = ['--store', `sqlite://${path.join(directory, 'fresh.sqlite')}`];
	const saved = await cli([
		'register',
		...registered,
		'--company',
		'Acme',
		'--person',
		'Jane Roe',
		'--address',
		'1 Rue X, Paris',
		'--country',
		'FR',
		'--email',
		'it@acme.test',
	]);
	expect(saved.code, saved.stderr).toBe(0);
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** The three ways of asking: French by flag, French by locale, English by flag over a French locale. */
const WAYS = [
	['--lang fr', ['--lang', 'fr'], {}, 'fr'],
	['LANG=fr_FR.UTF-8', [], FRENCH_LOCALE, 'fr'],
	['--lang en (over a French locale)', ['--lang', 'en'], FRENCH_LOCALE, 'en'],
] as const;

describe('every command speaks the language asked for', () => {
	it.each(WAYS)('status, %s', async (_way, flags, env, lang) => {
		const result = await cli(['status', ...fresh, ...flags], env);
		expect(result.code, result.stderr).toBe(0);
		if (lang === 'fr') {
			expect(result.stdout).toContain('État : Sans licence');
			expect(result.stdout).toContain('Serveur de licences : joignable');
			expect(result.stdout).not.toMatch(/License server|Capacity/);
		} else {
			expect(result.stdout).toContain('State: Unlicensed');
			expect(result.stdout).toContain('License server: reachable');
		}
	});

	it.each(WAYS)(
		'add-key with a bad key, %s',
		async (_way, flags, env, lang) => {
			const result = await cli(
				['add-key', ...registered, 'HELLO-WORLD', ...flags],
				env,
			);
			expect(result.code).toBe(2);
			if (lang === 'fr') {
				expect(result.stderr).toMatch(
					/refusée : La clé « HELLO-WORLD » est mal formée/,
				);
				expect(result.stderr).not.toMatch(/refused|malformed/);
			} else {
				expect(result.stderr).toMatch(/refused: "HELLO-WORLD"/);
			}
		},
	);

	it.each(WAYS)(
		'connect with no server, %s',
		async (_way, flags, env, lang) => {
			const result = await cli(
				['connect', ...fresh, '--server', 'http://127.0.0.1:9', ...flags],
				env,
			);
			expect(result.code).toBe(1);
			if (lang === 'fr' && !OUTCOMES_AS_DATA) {
				// The runtime still says its outcomes in English (issue 9, point 4, in progress):
				// this case checks French once source/i18n/outcome.ts renders them.
				expect(result.stderr).toMatch(/license server/);
			} else if (lang === 'fr') {
				expect(result.stderr).toMatch(/serveur de licences/);
				expect(result.stderr).not.toMatch(/license server/i);
			} else {
				expect(result.stderr).toMatch(/license server/);
			}
		},
	);

	it.each(WAYS)('simulate FILE, %s', async (_way, flags, env, lang) => {
		const scenario = 'fixtures/scenarios/subscription-not-renewed.yaml';
		const json = await cli(['simulate', scenario, '--json', ...flags], env);
		expect(json.code, json.stderr).toBe(0);
		const document = JSON.parse(json.stdout);
		expect(document.lang).toBe(lang);
		const texts = document.days.flatMap((day: {banners: {text: string}[]}) =>
			day.banners.map((banner) => banner.text),
		);
		expect(texts.length).toBeGreaterThan(0);
		for (const text of texts) {
			expect(text).toMatch(
				lang === 'fr'
					? /Votre abonnement|serveur|MyQ ne fonctionne/
					: /^(Your|MyQ is|The )/,
			);
		}
		// The table for people, in the same language.
		const table = await cli(['simulate', scenario, ...flags], env);
		expect(table.code, table.stderr).toBe(0);
		if (lang === 'fr') {
			expect(table.stdout).toMatch(/jour[\s\S]*état[\s\S]*chronologie/);
			expect(table.stdout).toContain('attentes : 5 tenues, 0 échouées');
			expect(table.stdout).not.toMatch(/timeline|expectations/);
		} else {
			expect(table.stdout).toMatch(/day[\s\S]*state[\s\S]*timeline/);
			expect(table.stdout).toContain('expectations: 5 passed, 0 failed');
		}
	});

	it('simulate without --lang nor a locale speaks the scenario’s language', async () => {
		const result = await cli([
			'simulate',
			'fixtures/scenarios/subscription-not-renewed.yaml',
			'--json',
			'--until',
			'0',
		]);
		expect(JSON.parse(result.stdout).lang).toBe('en');
	});
});

describe('bad input is said in the language asked for too', () => {
	it.each([
		[['add-key'], /^Aucune clé donnée/, /^No key given/],
		[
			['import'],
			/^Utilisation : myq-license import FICHIER/,
			/^Usage: myq-license import FILE/,
		],
		[['activate', '--manual'], /a besoin de --out FICHIER/, /needs --out FILE/],
		[
			['simulate', 'x.yaml', '--until', '-1'],
			/n'est pas un numéro de jour/,
			/is not a day number/,
		],
	])('%j', async (args, french, english) => {
		const inFrench = await cli([...args, ...fresh], FRENCH_LOCALE);
		expect(inFrench.code).toBe(2);
		expect(inFrench.stderr).toMatch(french);
		const inEnglish = await cli(
			[...args, ...fresh, '--lang', 'en'],
			FRENCH_LOCALE,
		);
		expect(inEnglish.code).toBe(2);
		expect(inEnglish.stderr).toMatch(english);
	});
});

describe('an unknown --lang is refused, exit 2, on every command', () => {
	it.each([
		['status'],
		['register', '--company', 'Acme'],
		['add-key', 'HELLO-WORLD'],
		['activate'],
		['import', 'response.json'],
		['connect'],
		['devices'],
		['simulate', 'fixtures/scenarios/subscription-not-renewed.yaml'],
		['vendor', 'serve'],
		['demo'],
		[],
	])('%j', async (...args) => {
		const result = await cli([...args, ...fresh, '--lang', 'xx']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--lang "xx".*use fr or en/);
		expect(result.stderr).toMatch(/utilisez fr ou en/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('before the command too', async () => {
		const result = await cli(['--lang', 'xx', 'status', ...fresh]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/use fr or en/);
	});
});

describe('global flags before or after the command', () => {
	it('myq-license --store URL status --json', async () => {
		const result = await cli([...registered, 'status', '--json']);
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({
			state: 'unlicensed',
			customer: {company: 'Acme'},
		});
	});

	it('--json and --lang before the command, --store after', async () => {
		const result = await cli([
			'--json',
			'--lang',
			'fr',
			'status',
			...registered,
		]);
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({state: 'unlicensed'});
	});

	it.each([
		[['--manual', 'activate'], /Unknown flag[\s\S]*--manual/],
		[['status', '--store'], /--store needs a value/],
		[['simulate', 'x.yaml', '--until', 'ten'], /--until needs a number/],
		[['status', '--lang', 'fr', '--lang', 'en', '--lang', 'xx'], /once/],
	])('%j is bad input, exit 2', async (args, message) => {
		const result = await cli([
			...args,
			...(args.includes('--store') ? [] : fresh),
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('--help and --version', () => {
	const COMMANDS = [
		'status',
		'register',
		'add-key',
		'activate',
		'import',
		'connect',
		'devices',
		'simulate',
		'vendor',
		'demo',
		'dashboard',
	];

	it.each(COMMANDS)(
		'%s --help has examples, in English and French',
		async (command) => {
			const english = await cli([command, '--help']);
			expect(english.code, english.stderr).toBe(0);
			expect(english.stdout).toMatch(
				/Usage\n[\s\S]*Examples\n {2}\$ myq-license /,
			);
			expect(english.stdout).toContain('Global options');
			const french = await cli([command, '--help'], FRENCH_LOCALE);
			expect(french.code).toBe(0);
			expect(french.stdout).toMatch(
				/Utilisation\n[\s\S]*Exemples\n {2}\$ myq-license /,
			);
			expect(french.stdout).toContain('Options globales');
		},
	);

	it('myq-license --help lists the commands, with examples; -h after the command works too', async () => {
		const main = await cli(['--help']);
		expect(main.code).toBe(0);
		expect(main.stdout).toMatch(
			/status \[--json\][\s\S]*simulate FILE[\s\S]*Examples/,
		);
		const short = await cli([...fresh, 'status', '-h', '--lang', 'fr']);
		expect(short.stdout).toMatch(/^Utilisation\n {2}\$ myq-license status/);
	});

	it('--version prints the version in package.json, before or after a command', async () => {
		const {version} = JSON.parse(await readFile('package.json', 'utf8'));
		for (const args of [['--version'], ['-v'], ['status', '--version']]) {
			const result = await cli(args);
			expect(result.code, args.join(' ')).toBe(0);
			expect(result.stdout).toBe(`${version}\n`);
		}
	});
});
