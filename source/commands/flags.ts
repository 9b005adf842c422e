/**
 * The command line through meow: the global flags, declared here once, accepted before or after
 * the command; each command's own flags; `--lang` and the locale, decided here once.
 *
 * meow parses twice per run, both halves strictly (`allowUnknownFlags: false`, exit 2):
 * what comes before the command takes only the global flags, what comes after takes the global
 * flags and the command's. `--help` and `--version` are global flags too: help is printed in the
 * language asked for, which meow's autoHelp cannot know before it has parsed `--lang`.
 */
import process from 'node:process';
import meow, {type AnyFlags} from 'meow';
import type {Lang} from '../i18n/lang.js';
import {UsageError} from './exit-codes.js';

/** The flags every command accepts, before or after its name. */
export const GLOBAL_FLAGS = {
	store: {type: 'string'},
	server: {type: 'string'},
	vendorKey: {type: 'string'},
	lang: {type: 'string'},
	json: {type: 'boolean'},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'v'},
} as const satisfies AnyFlags;

export type FlagSpecs = AnyFlags;

type FlagValue<S> = S extends {isMultiple: true}
	? S extends {type: 'number'}
		? number[]
		: string[]
	: S extends {type: 'boolean'}
		? S extends {default: boolean}
			? boolean
			: boolean | undefined
		: S extends {type: 'number'}
			? number | undefined
			: string | undefined;
export type ParsedFlags<F> = {[K in keyof F]: FlagValue<F[K]>};

export type GlobalFlags = ParsedFlags<typeof GLOBAL_FLAGS>;

/** What a command receives: its arguments, its flags and the global ones, the language. */
export type CommandLine<F extends FlagSpecs> = {
	input: string[];
	flags: ParsedFlags<typeof GLOBAL_FLAGS & F> & {json: boolean};
	/** `--lang`, else the locale, else English (SPEC §6). */
	lang: Lang;
	/** `--lang` or a locale that names a language; undefined when neither says anything. */
	preferredLang: Lang | undefined;
};

export type Command<F extends FlagSpecs = FlagSpecs> = {
	/** The command's own flags; the global ones are added. */
	flags: F;
	/**
	 * Whether it takes arguments beside its flags (it checks them itself). One that takes none
	 * refuses them (exit 2): `activate KEY` used to activate the other pending keys, exit 0, and
	 * leave KEY out without a word. @default false
	 */
	takesArguments?: boolean;
	run(cli: CommandLine<F>): Promise<number>;
};

/** A command, typed by its flags (the identity at run time). */
export function defineCommand<F extends FlagSpecs>(
	command: Command<F>,
): Command<F> {
	return command;
}

const kebab = (name: string) =>
	name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Splits the command line at the command's name: the first argument that is neither a flag nor
 * the value of a global flag (`--store X status`). Undefined when there is no command.
 */
export function splitAtCommand(argv: readonly string[]): {
	before: string[];
	name: string | undefined;
	after: string[];
} {
	const takesValue = new Set(
		Object.entries(GLOBAL_FLAGS)
			.filter(([, spec]) => spec.type !== 'boolean')
			.map(([name]) => `--${kebab(name)}`),
	);
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') break;
		if (!token.startsWith('-') || token === '-') {
			return {
				before: argv.slice(0, index),
				name: token,
				after: argv.slice(index + 1),
			};
		}
		if (takesValue.has(token)) index++;
	}
	return {before: [...argv], name: undefined, after: []};
}

/**
 * A flag that takes a value but was given none (`--store` last, or followed by another flag):
 * meow would read it as an empty string, or drop it for a number, and the command would go on
 * with a default the admin did not ask for.
 */
function checkValues(argv: readonly string[], flags: FlagSpecs): void {
	const valued = new Map<string, string>();
	for (const [name, spec] of Object.entries(flags)) {
		if (spec.type === 'boolean') continue;
		valued.set(`--${kebab(name)}`, `--${kebab(name)}`);
		if (spec.shortFlag) valued.set(`-${spec.shortFlag}`, `--${kebab(name)}`);
	}
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') return;
		const flag = valued.get(token);
		if (flag === undefined) continue;
		const next = argv[index + 1];
		if (
			next === undefined ||
			(next.startsWith('-') && next !== '-' && !/^-\d/.test(next))
		) {
			throw new UsageError(
				`${flag} needs a value. Run with --help to see the flags.`,
			);
		}
		index++;
	}
}

/**
 * A flag none of `flags` is: refused here, as meow would (exit 2), because meow says it itself,
 * as given: a device name like `-\x1b]0;title\x07` reached the terminal raw (issue 10 point 7).
 * The message goes through the CLI's edge, which makes it visible. Spelled as yargs reads them:
 * `--name`, `--name=value`, `--no-name` for a boolean, `-x` for a short flag, `-xy` for short
 * booleans, `-xVALUE` for a short flag that takes a value.
 */
function checkUnknown(argv: readonly string[], flags: FlagSpecs): void {
	const long = new Set<string>();
	const shortBoolean = new Set<string>();
	const shortValued = new Set<string>();
	for (const [name, spec] of Object.entries(flags)) {
		long.add(kebab(name));
		if (spec.type === 'boolean') long.add(`no-${kebab(name)}`);
		if (spec.shortFlag) {
			(spec.type === 'boolean' ? shortBoolean : shortValued).add(
				spec.shortFlag,
			);
		}
	}
	const isKnown = (token: string): boolean => {
		if (token.startsWith('--')) {
			return long.has(token.slice(2).split('=')[0]!);
		}
		const letters = [...token.slice(1)];
		const valued = letters.findIndex((letter) => !shortBoolean.has(letter));
		return valued === -1 || shortValued.has(letters[valued]!);
	};
	for (const token of argv) {
		if (token === '--') return;
		if (
			token.length > 1 &&
			token.startsWith('-') &&
			!/^-(?:\d+|\d*\.\d+)(?:e[+-]?\d+)?$/i.test(token) &&
			!isKnown(token)
		) {
			throw new UsageError(
				`Unknown flag ${token}. Run with --help to see the flags.`,
			);
		}
	}
}

/** One meow parse, strict; meow's own validation errors become usage errors (exit 2). */
function parse(
	argv: readonly string[],
	flags: FlagSpecs,
): {input: string[]; flags: Record<string, unknown>} {
	checkValues(argv, flags);
	checkUnknown(argv, flags);
	let result: {input: string[]; flags: Record<string, unknown>};
	try {
		result = meow({
			importMeta: import.meta,
			argv,
			flags,
			// package.json is read for --version only (printVersion): finding it costs every start
			// a walk up the folders. The name is what meow sets the process title to.
			pkg: {name: 'myq-license'},
			description: false,
			allowUnknownFlags: false,
			autoHelp: false,
			autoVersion: false,
			// An absent boolean stays undefined, so a flag given after the command does not
			// hide one given before it.
			booleanDefault: undefined,
		});
	} catch (error) {
		throw new UsageError(
			`${(error as Error).message} Run with --help to see the flags.`,
		);
	}
	for (const [name, spec] of Object.entries(flags)) {
		const value = result.flags[name];
		const numbers = Array.isArray(value) ? value : [value];
		if (
			spec.type === 'number' &&
			value !== undefined &&
			numbers.some(
				(number) => typeof number !== 'number' || !Number.isFinite(number),
			)
		) {
			throw new UsageError(`--${kebab(name)} needs a number.`);
		}
	}
	return result;
}

/** The command line of one command: before its name, the global flags; after, all of them. */
export function parseCommandLine<F extends FlagSpecs>(
	before: readonly string[],
	after: readonly string[],
	commandFlags: F,
	env: Record<string, string | undefined> = process.env,
): CommandLine<F> {
	const global = parse(before, GLOBAL_FLAGS);
	const own = parse(after, {...GLOBAL_FLAGS, ...commandFlags});
	const flags: Record<string, unknown> = {...global.flags};
	for (const [name, value] of Object.entries(own.flags)) {
		if (value !== undefined) flags[name] = value;
	}
	flags.json = flags.json === true;
	const preferredLang = preferredLanguage(
		flags.lang as string | undefined,
		env,
	);
	return {
		input: [...global.input, ...own.input],
		flags: flags as CommandLine<F>['flags'],
		lang: preferredLang ?? 'en',
		preferredLang,
	};
}

/** `--lang` accepts fr and en, also written as a locale (`fr_FR.UTF-8`, `en-GB`). */
const LANG_VALUE = /^(fr|en)(?:[-_.@].*)?$/i;

/** A locale that says nothing about a language: the C (POSIX) one that containers default to. */
const NEUTRAL_LOCALE = /^(c|posix)(?:[._@].*)?$/i;

/**
 * SPEC §6, the one place that decides the language: `--lang`, else the first non-empty of
 * `LC_ALL`, `LC_MESSAGES`, `LANG` (the POSIX precedence): French when it starts with `fr`,
 * English otherwise, nothing when it is the C locale. An unknown `--lang` is bad input (exit 2).
 */
export function preferredLanguage(
	flag: string | undefined,
	env: Record<string, string | undefined>,
): Lang | undefined {
	if (flag !== undefined) {
		const match = LANG_VALUE.exec(flag.trim());
		if (!match) {
			throw new UsageError(
				`--lang "${flag}" is not a language this program speaks: use fr or en.\n` +
					`--lang « ${flag} » n'est pas une langue de ce programme : utilisez fr ou en.`,
			);
		}
		return match[1]!.toLowerCase() as Lang;
	}
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[name]?.trim();
		if (value) {
			if (NEUTRAL_LOCALE.test(value)) return undefined;
			return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
		}
	}
	return undefined;
}

/**
 * `--version`: the version in package.json, found by meow. Written here rather than by meow's
 * showVersion, which exits at once: a write that fails (stdout on a full disk) must still be
 * said, and the exit code be 1 (issue 10 point 8).
 */
export function versionText(): string {
	const cli = meow({
		importMeta: import.meta,
		argv: [],
		description: false,
		autoHelp: false,
		autoVersion: false,
	});
	return `${cli.pkg.version ?? ''}\n`;
}

/** A command's help in a language: its text with examples, then the global options. */
export async function helpText(lang: Lang, name: string): Promise<string> {
	const {t, messages} = await import('../i18n/index.js');
	const id = `cli.help.${name}`;
	const own =
		id in messages[lang] ? t(lang, id as Parameters<typeof t>[1]) : '';
	return `${own}\n\n${t(lang, 'cli.help.global')}\n`;
}
