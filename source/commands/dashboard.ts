/**
 * `myq-license` (the real engine) and `myq-license demo` (the simulator): the full-screen
 * dashboard. Ink and React load here only, lazily, so the scripting commands never pay for them.
 *
 * Order matters for the first frame: flags, then (real engine) the store, so a bad --store fails
 * on the normal screen; then the alternate screen and Ink with a "starting" frame; the simulator
 * or the runtime start behind it.
 */
import process from 'node:process';
import {parseArgs} from 'node:util';
import {detectLang, type Lang, parseLang} from '../i18n/lang.js';
import type {Started} from '../ui/root.js';
import {EXIT, UsageError} from './exit-codes.js';

const HELP = `
Usage
  $ myq-license [--store URL] [--server URL] [--vendor-key KEY] [--lang fr|en]
  $ myq-license demo [--scenario FILE] [--lang fr|en]

The full-screen dashboard: Home, Settings > License, Devices, Events. Press ? inside for the keys.
Without a command it runs on this server's engine; "demo" runs it on the simulator (fake clock,
simulated license server, swappable hardware), with demo keys to try.

Options
  --scenario FILE   demo: the scenario to load (default: fixtures/demo.yaml)
  --store URL       the store (a Keyv URL; default: a SQLite file in your data directory)
  --server URL      the license server (default: $MYQ_LICENSE_SERVER or http://127.0.0.1:4070)
  --vendor-key KEY  the vendor public key to trust (default: $MYQ_VENDOR_KEY)
  --lang fr|en      language (default: from LC_ALL, LC_MESSAGES, LANG)

NO_COLOR=1 draws without colour. q or Ctrl+C quits and gives the terminal back.
`;

type Flags = {
	demo: boolean;
	scenario?: string;
	store?: string;
	server?: string;
	vendorKey?: string;
	lang?: string;
	help: boolean;
};

function readFlags(argv: string[]): Flags {
	try {
		const {values} = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				demo: {type: 'boolean', default: false},
				scenario: {type: 'string'},
				store: {type: 'string'},
				server: {type: 'string'},
				'vendor-key': {type: 'string'},
				lang: {type: 'string'},
				help: {type: 'boolean', short: 'h', default: false},
			},
		});
		return {
			demo: values.demo ?? false,
			help: values.help ?? false,
			...(values.scenario === undefined ? {} : {scenario: values.scenario}),
			...(values.store === undefined ? {} : {store: values.store}),
			...(values.server === undefined ? {} : {server: values.server}),
			...(values['vendor-key'] === undefined
				? {}
				: {vendorKey: values['vendor-key']}),
			...(values.lang === undefined ? {} : {lang: values.lang}),
		};
	} catch (error) {
		throw new UsageError(
			`${(error as Error).message}. Run myq-license --help to see the options.`,
		);
	}
}

/** SPEC §6: --lang, else the environment; the demo falls back to its scenario's language. */
function chooseLang(flag: string | undefined, fallback: () => Lang): Lang {
	if (flag !== undefined) {
		const lang = parseLang(flag);
		if (!lang)
			throw new UsageError(
				`--lang "${flag}" is not a language this program speaks: use fr or en.`,
			);
		return lang;
	}
	const hasLocale = ['LC_ALL', 'LC_MESSAGES', 'LANG'].some((name) =>
		process.env[name]?.trim(),
	);
	return hasLocale ? detectLang(process.env) : fallback();
}

export async function run(argv: string[]): Promise<number> {
	const flags = readFlags(argv);
	if (flags.help) {
		process.stdout.write(`${HELP.trim()}\n`);
		return EXIT.ok;
	}
	const lang = chooseLang(flags.lang, () => 'en');
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		const {t} = await import('../i18n/index.js');
		process.stderr.write(`${t(lang, 'ui.needs-terminal')}\n`);
		return EXIT.badInput;
	}

	// Ink draws only static output when it believes it runs in CI (is-in-ci reads these at
	// import). The dashboard runs on a terminal (checked above), where drawing is the point.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	// React's production build: its development one checks and times every render, which costs
	// the dashboard both its first frame and its keystroke latency.
	process.env.NODE_ENV ??= 'production';
	// Ink and React load (the bulk of the time to the first frame) while the store opens.
	const loading = Promise.all([
		import('ink'),
		import('react'),
		import('../ui/root.js'),
		import('chalk'),
	]);
	loading.catch(() => undefined);

	// The real engine: open the store first, so a bad --store is reported on the normal screen.
	const real = flags.demo ? null : await openReal(flags);

	// The screen switches at once, with the starting frame's rows as plain text: over SSH the
	// admin sees the dashboard open while Ink loads, and Ink then draws the same rows over them.
	const [{enterFullScreen, splashText}, {t}] = await Promise.all([
		import('../ui/terminal.js'),
		import('../i18n/index.js'),
	]);
	const screen = enterFullScreen(process.stdout);
	process.stdout.write(
		splashText([
			t(lang, 'ui.product'),
			'',
			t(lang, flags.demo ? 'ui.starting-demo' : 'ui.starting'),
		]),
	);
	let started: Started | null = null;
	try {
		const [{render}, React, {Root}, {default: chalk}] = await loading;
		// NO_COLOR (https://no-color.org): chalk does not read it, Ink colours through chalk.
		if (process.env.NO_COLOR) chalk.level = 0;
		const theme = {
			isColor: chalk.level > 0,
			...(flags.demo ? {timeZone: 'UTC'} : {}),
		};
		const start = async (): Promise<Started> => {
			if (real) {
				const [{App}, {createRuntimeSource}] = await Promise.all([
					import('../ui/app.js'),
					import('../ui/dashboard-source.js'),
				]);
				await real.runtime.start();
				return {
					App,
					source: createRuntimeSource(real.runtime, {
						clock: real.clock,
						onDispose: () => real.store.close(),
					}),
				};
			}
			const [{App}, {createDemoSource}, {DemoController}] = await Promise.all([
				import('../ui/app.js'),
				import('../ui/dashboard-source.js'),
				import('../../simulator/demo.js'),
			]);
			const controller = await DemoController.create(
				flags.scenario === undefined ? {} : {scenarioFile: flags.scenario},
			);
			return {App, source: createDemoSource(controller)};
		};
		const instance = render(
			React.createElement(Root, {
				lang,
				theme,
				start,
				onStarted: (value: Started) => {
					started = value;
				},
				columns: process.stdout.columns || 80,
				rows: process.stdout.rows || 24,
				isDemo: flags.demo,
			}),
			{exitOnCtrlC: true, patchConsole: true, maxFps: 60},
		);
		await instance.waitUntilExit();
		return EXIT.ok;
	} catch (error) {
		screen.leave();
		// A scenario file or a store that cannot be used: a message, not a stack trace.
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`myq-license: ${message}\n`);
		return flags.demo && flags.scenario !== undefined
			? EXIT.badInput
			: EXIT.failed;
	} finally {
		const source = (started as Started | null)?.source;
		if (source) {
			await source.dispose();
		} else if (real) {
			await real.runtime.stop();
			await real.store.close();
		}
		screen.leave();
	}
}

/**
 * The runtime on this server's ports, long-lived: scheduled contacts and wake-ups (R14, and the
 * banners' instants), a contact at start.
 */
async function openReal(flags: Flags) {
	const {composeRuntime} = await import('./shared.js');
	// The dashboard watches the store too: a CLI command run beside it shows up within a second.
	return composeRuntime(flags, {watchInterval: 1000});
}
