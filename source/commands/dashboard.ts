/**
 * `myq-license` (the real engine) and `myq-license demo` (the simulator): the full-screen
 * dashboard. Ink and React load here only, lazily, so the scripting commands never pay for them.
 *
 * Order matters for the first frame: flags, then (real engine) the store, so a bad --store fails
 * on the normal screen; then the alternate screen and Ink with a "starting" frame; the simulator
 * or the runtime start behind it.
 */
import process from 'node:process';
import {terminalText} from '../engine/safe-text.js';
import type {Lang} from '../i18n/lang.js';
import type {Started} from '../ui/root.js';
import type {CommonFlags} from './compose.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';

/** `myq-license`: the dashboard on this server's engine. */
export const command = defineCommand({
	flags: {},
	run: (cli) => open({...cli.flags, demo: false}, cli.lang),
});

/** `myq-license demo`: the dashboard on the simulator. */
export const demo = defineCommand({
	flags: {scenario: {type: 'string'}},
	run: (cli) => open({...cli.flags, demo: true}, cli.lang),
});

type Flags = CommonFlags & {demo: boolean; scenario?: string | undefined};

async function open(flags: Flags, lang: Lang): Promise<number> {
	// A pipe or a file: no Ink, no alternate screen, a message that points to the commands
	// made for scripts (status), exit 2.
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		const {t} = await import('../i18n/index.js');
		const streams = !process.stdin.isTTY
			? process.stdout.isTTY
				? 'stdin'
				: 'both'
			: 'stdout';
		process.stderr.write(
			`${t(lang, 'ui.needs-terminal', {streams: t(lang, `ui.needs-terminal.${streams}`)})}\n`,
		);
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

	// Ink's screen-reader mode (INK_SCREEN_READER=true, read by Ink): the screen as plain lines
	// that Ink rewrites in the terminal's own flow, where a screen reader follows them; so no
	// alternate screen, no drawing ahead of Ink, no colour (the text markers say focus and state).
	const isScreenReader = process.env.INK_SCREEN_READER === 'true';
	// The screen switches at once, with the starting frame's rows as plain text: over SSH the
	// admin sees the dashboard open while Ink loads, and Ink then draws the same rows over them.
	const [{enterFullScreen, splashText}, {t}] = await Promise.all([
		import('../ui/terminal.js'),
		import('../i18n/index.js'),
	]);
	const screen = enterFullScreen(process.stdout, {
		isAlternate: !isScreenReader,
	});
	if (!isScreenReader)
		process.stdout.write(
			splashText([
				t(lang, 'ui.product'),
				'',
				t(lang, flags.demo ? 'ui.starting-demo' : 'ui.starting'),
			]),
		);
	let started: Started | null = null;
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
					vendorTrust: real.vendorTrust,
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
	// The engine or the simulator starts now, while Ink and React load and draw the starting frame
	// (issue 16): the time to the full Home is the longer of the two, not their sum. Root waits
	// for it and reports its failure; caught here so it is never an unhandled rejection meanwhile.
	const starting = start();
	starting.catch(() => undefined);
	try {
		// React is CommonJS: its default export is the whole module, in Node and in the bundle
		// (an esbuild chunk of a CommonJS module exports `default` only).
		const [
			{render},
			{default: React},
			{Root, withIncrementalFix},
			{default: chalk},
		] = await loading;
		// NO_COLOR (https://no-color.org): chalk does not read it, Ink colours through chalk.
		if (process.env.NO_COLOR || isScreenReader) chalk.level = 0;
		const theme = {
			isColor: chalk.level > 0,
			...(flags.demo ? {timeZone: 'UTC'} : {}),
		};
		// MYQ_INK_INCREMENTAL=0 draws every frame whole (the bench compares both).
		const isIncremental =
			process.env.MYQ_INK_INCREMENTAL !== '0' && !isScreenReader;
		const instance = render(
			React.createElement(Root, {
				lang,
				theme,
				start: () => starting,
				onStarted: (value: Started) => {
					started = value;
				},
				columns: process.stdout.columns || 80,
				rows: process.stdout.rows || 24,
				isDemo: flags.demo,
			}),
			// incrementalRendering (Ink 6.8): a frame rewrites only the rows that changed, so a
			// demo day costs about 1 kB over SSH instead of 8 kB for the whole screen (issue 12,
			// point 10; `npm run bench` measures it through a pty).
			isIncremental
				? {
						exitOnCtrlC: true,
						patchConsole: true,
						maxFps: 60,
						incrementalRendering: true,
						stdout: withIncrementalFix(process.stdout),
					}
				: {exitOnCtrlC: true, patchConsole: true, maxFps: 60},
		);
		await instance.waitUntilExit();
		return EXIT.ok;
	} catch (error) {
		screen.leave();
		// A scenario file or a store that cannot be used: a message, not a stack trace.
		// A scenario's issues in the admin's language where the catalogs have them (its limits).
		const message =
			error instanceof Error && 'describe' in error
				? (error as Error & {describe(lang: Lang): string}).describe(lang)
				: error instanceof Error
					? error.message
					: String(error);
		process.stderr.write(`myq-license: ${terminalText(message)}\n`);
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
		} else {
			// The simulator may still be starting (q on the starting frame, or Ink failed to
			// load): its world is disposed once it has started.
			await starting.then(
				(value) => value.source.dispose(),
				() => undefined,
			);
		}
		screen.leave();
	}
}

/**
 * The runtime on this server's ports, long-lived: scheduled contacts and wake-ups (R14, and the
 * banners' instants), a contact at start.
 */
async function openReal(flags: Flags) {
	const {composeRuntime} = await import('./compose.js');
	// The dashboard watches the store too: a CLI command run beside it shows up within a second.
	return composeRuntime(flags, {watchInterval: 1000});
}
