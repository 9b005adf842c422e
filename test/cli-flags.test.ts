/** The command line's pure parts: where the command is, which language, what meow gives back. */
import {describe, expect, it} from 'vitest';
import {UsageError} from '../source/commands/exit-codes.js';
import {
	parseCommandLine,
	preferredLanguage,
	splitAtCommand,
} from '../source/commands/flags.js';

describe('splitAtCommand: global flags before the command are skipped with their values', () => {
	it.each([
		[[], undefined, [], []],
		[['status'], 'status', [], []],
		[
			['--store', 'X', 'status', '--json'],
			'status',
			['--store', 'X'],
			['--json'],
		],
		[['--json', 'status'], 'status', ['--json'], []],
		[['--store=X', 'add-key', 'K'], 'add-key', ['--store=X'], ['K']],
		// The value of a global flag is never taken for the command.
		[['--lang', 'status', 'connect'], 'connect', ['--lang', 'status'], []],
		[['--store', 'X'], undefined, ['--store', 'X'], []],
		[['add-key', '-'], 'add-key', [], ['-']],
	])('%j', (argv, name, before, after) => {
		expect(splitAtCommand(argv)).toEqual({name, before, after});
	});
});

describe('preferredLanguage: --lang, else the locale (SPEC §6)', () => {
	it.each([
		['fr', {}, 'fr'],
		['EN', {LANG: 'fr_FR.UTF-8'}, 'en'],
		['fr_FR.UTF-8', {}, 'fr'],
		['en-GB', {}, 'en'],
		[undefined, {LANG: 'fr_FR.UTF-8'}, 'fr'],
		[undefined, {LC_ALL: 'fr_CA', LANG: 'en_US'}, 'fr'],
		[undefined, {LC_ALL: '', LC_MESSAGES: 'fr_BE', LANG: 'en_US'}, 'fr'],
		[undefined, {LANG: 'de_DE.UTF-8'}, 'en'],
		// LC_ALL decides even when it names no language: nothing is preferred.
		[undefined, {LC_ALL: 'C', LANG: 'fr_FR.UTF-8'}, undefined],
		[undefined, {LANG: 'C.UTF-8'}, undefined],
		[undefined, {LANG: 'POSIX'}, undefined],
		[undefined, {}, undefined],
	] as const)('--lang %s with %j', (flag, env, expected) => {
		expect(preferredLanguage(flag, env)).toBe(expected);
	});

	it.each(['xx', 'de', 'french', 'frx', ''])(
		'--lang %j is bad input, said in English and French',
		(flag) => {
			expect(() => preferredLanguage(flag, {})).toThrow(UsageError);
			expect(() => preferredLanguage(flag, {})).toThrow(
				/use fr or en\.\n.*utilisez fr ou en/,
			);
		},
	);
});

describe('parseCommandLine: global flags on both sides, the command’s after it', () => {
	const flags = {manual: {type: 'boolean', default: false}} as const;

	it('merges both sides; the later one wins', () => {
		const cli = parseCommandLine(
			['--store', 'A', '--lang', 'fr'],
			['--lang', 'en', '--manual', 'x'],
			flags,
			{},
		);
		expect(cli.flags).toMatchObject({
			store: 'A',
			lang: 'en',
			manual: true,
			json: false,
		});
		expect(cli.input).toEqual(['x']);
		expect(cli.lang).toBe('en');
	});

	it('a --json before the command is not undone by the default after it', () => {
		const cli = parseCommandLine(['--json'], [], flags, {});
		expect(cli.flags.json).toBe(true);
		expect(cli.lang).toBe('en');
		expect(cli.preferredLang).toBeUndefined();
	});

	it.each([
		[['--store'], /--store needs a value/],
		[['--store', '--json'], /--store needs a value/],
		[['--lang', 'fr', '--lang', 'en'], /--lang can only be set once/],
	])('%j is a usage error', (after, message) => {
		expect(() => parseCommandLine([], after, flags, {})).toThrow(message);
	});
});
