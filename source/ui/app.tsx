/**
 * The dashboard: header, live banners, the current screen, the status line, the demo's
 * simulation bar and the key hints. State lives in the pure machine of `app-state.ts`; this
 * component wires it to the keyboard, runs its commands against the engine (or the simulation),
 * and re-renders on every change the source publishes.
 */
import {Box, useApp, useInput, useStdout} from 'ink';
import {
	type ReactNode,
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
	useSyncExternalStore,
} from 'react';
import {formatStep, type Lang, t} from '../i18n/index.js';
import {
	type DemoCommand,
	handleKeys,
	initialUi,
	isTextFocused,
	reduceUi,
	type StatusMessage,
	type UiAction,
	type UiCommand,
	type UiContext,
	type UiState,
} from './app-state.js';
import {
	BannersView,
	bannerBlocks,
	bannerRows,
	clipBanners,
} from './components/banners/index.js';
import {FooterView} from './components/footer/index.js';
import {HeaderView} from './components/header/index.js';
import {SimBarView} from './components/sim-bar/index.js';
import {StatusLineView, statusLines} from './components/status-line/index.js';
import {formatDateTime} from './format.js';
import {toKeyPresses} from './keypress.js';
import {
	deviceListHeight,
	eventListHeight,
	frameRows,
	licenseTableHeight,
} from './layout.js';
import {
	activationStatus,
	connectStatus,
	deviceStatus,
	saveStatus,
} from './outcome.js';
import {DevicesScreen} from './screens/devices.js';
import {EventsScreen} from './screens/events.js';
import {HelpScreen} from './screens/help.js';
import {HomeScreen} from './screens/home.js';
import {SettingsLicenseScreen} from './screens/settings-license.js';
import {DEFAULT_RESPONSE_PATH} from './screens/settings-license-state.js';
import type {DashboardSource, DashboardView} from './source.js';
import {useTheme} from './theme.js';

/** Reading and writing the manual activation files (R5); injected so tests need no disk. */
export type FileAccess = {
	read(path: string): Promise<string>;
	write(path: string, text: string): Promise<void>;
};

export type AppProps = {
	source: DashboardSource;
	lang: Lang;
	files?: FileAccess;
	/** Demo play: simulated time added at each tick. @default one hour */
	playStepMs?: number;
	/** Demo play: real time between ticks. @default 100 */
	playIntervalMs?: number;
};

const nodeFiles: FileAccess = {
	async read(path) {
		const {readFile} = await import('node:fs/promises');
		return readFile(path, 'utf8');
	},
	async write(path, text) {
		const {writeFile} = await import('node:fs/promises');
		await writeFile(path, text, 'utf8');
	},
};

/** Follows the terminal's size (Ink's stdout emits 'resize'). */
export function useTerminalSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = useCallback(
		() => ({columns: stdout.columns || 80, rows: stdout.rows || 24}),
		[stdout],
	);
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, read]);
	return size;
}

export function App({
	source,
	lang,
	files = nodeFiles,
	playStepMs = 3_600_000,
	playIntervalMs = 100,
}: AppProps) {
	const {exit} = useApp();
	const theme = useTheme();
	const size = useTerminalSize();
	const view = useSyncExternalStore(source.subscribe, source.view);
	const [ui, setUi] = useState<UiState>(() =>
		initialUi(view.snapshot.state.customer, lang),
	);
	const uiRef = useRef(ui);
	const apply = useCallback((next: UiState) => {
		uiRef.current = next;
		setUi(next);
	}, []);
	const dispatch = useCallback(
		(action: UiAction) => apply(reduceUi(uiRef.current, action)),
		[apply],
	);

	// The form follows the engine's customer (a save, a scenario step) unless it is being edited.
	const customer = view.snapshot.state.customer;
	useEffect(() => {
		dispatch({
			type: 'settings',
			action: {type: 'customer-changed', customer, lang},
		});
	}, [customer, lang, dispatch]);

	// --- Layout ---------------------------------------------------------------------------
	const width = size.columns;
	const height = frameRows(size.rows);
	const {evaluation, state} = view.snapshot;
	const demo = view.demo;
	// The help covers the banners (they come back when it closes): it needs the rows at 80×24.
	const isHelp = ui.overlay?.kind === 'help';
	const blocks = useMemo(
		() =>
			isHelp
				? []
				: clipBanners(
						bannerBlocks(evaluation.banners, lang, width),
						Math.max(2, height - 12),
					),
		[isHelp, evaluation.banners, lang, width, height],
	);
	const status = useMemo(
		() => statusLines(ui.status, ui.busy, width),
		[ui.status, ui.busy, width],
	);
	const footerKey = footerHints(
		ui,
		lang,
		source.isDemo,
		evaluation.state === 'unlicensed',
	).join('\n');
	const footer = useMemo(() => footerKey.split('\n'), [footerKey]);
	const chrome =
		2 +
		bannerRows(blocks) +
		status.lines.length +
		(demo ? 2 : 0) +
		footer.length;
	const contentHeight = Math.max(3, height - chrome);

	const contextRef = useRef<UiContext | null>(null);
	contextRef.current = {
		lang,
		isDemo: source.isDemo,
		isUnlicensed: evaluation.state === 'unlicensed',
		hasCustomer: state.customer !== null,
		licenseCount: evaluation.licenses.length,
		deviceIds: evaluation.devices.list.map((device) => device.id),
		eventCount: state.log.length,
		tableHeight: licenseTableHeight(width, contentHeight),
		listHeight:
			ui.screen === 'devices'
				? deviceListHeight(contentHeight)
				: eventListHeight(contentHeight),
		demoKeys: view.demoKeys.map((key) => key.key),
	};

	// --- Commands -------------------------------------------------------------------------
	const demoQueue = useRef<Promise<unknown>>(Promise.resolve());
	const demoPending = useRef(0);
	const report = useCallback(
		(status: StatusMessage | null) => dispatch({type: 'status', status}),
		[dispatch],
	);

	const runDemo = useCallback(
		async (command: DemoCommand) => {
			const controller = source.demo;
			if (!controller) return;
			const before = controller.view();
			switch (command.type) {
				case 'advance':
					await controller.advance(command.ms);
					break;
				case 'next-deadline':
					await controller.advanceToNextDeadline();
					break;
				case 'jump':
					await controller.jumpToDay(command.day);
					break;
				case 'toggle-network':
					await controller.toggleNetwork();
					break;
				case 'swap-hardware':
					await controller.swapHardware();
					break;
				case 'restart':
					await controller.restart();
					break;
				case 'step':
					await controller.stepScenario();
					break;
			}
			const after = controller.view();
			const message = after.message !== before.message ? after.message : null;
			report(demoStatus(command, before, after, message, lang, theme.timeZone));
		},
		[source, report, lang, theme.timeZone],
	);

	const execute = useCallback(
		async (command: UiCommand) => {
			if (command.type === 'quit') {
				exit();
				return;
			}
			if (command.type === 'demo') {
				// One after another: the controller ignores a control while one runs, and n n n
				// must step three times.
				demoPending.current += 1;
				const run = demoQueue.current.then(() => runDemo(command.command));
				demoQueue.current = run
					.catch(() => undefined)
					.finally(() => {
						demoPending.current -= 1;
					});
				try {
					await run;
				} catch (error) {
					report({
						tone: 'error',
						text: t(lang, 'ui.outcome.failed', {message: fileError(error)}),
					});
				}
				return;
			}
			// One engine command at a time: a second Enter on Save while it runs would save twice.
			if (uiRef.current.busy !== null) return;
			const runtime = source.runtime();
			dispatch({type: 'busy', label: t(lang, busyLabel(command.type))});
			try {
				switch (command.type) {
					case 'save': {
						const outcome = await runtime.save(command.form, command.keysText);
						if (outcome.ok) {
							dispatch({
								type: 'settings',
								action: {
									type: 'saved',
									refusedInputs: outcome.refused.map((refusal) =>
										refusal.input.trim(),
									),
									addedCount: outcome.accepted.length,
								},
							});
						} else {
							dispatch({
								type: 'settings',
								action: {type: 'save-failed', errors: outcome.errors},
							});
						}
						report(saveStatus(outcome, command.form.company ?? '', lang));
						break;
					}
					case 'activate': {
						const before = runtime.snapshot();
						const outcome = await runtime.activate();
						report(activationStatus(outcome, before, runtime.snapshot(), lang));
						if (outcome.ok)
							dispatch({type: 'settings', action: {type: 'activated'}});
						break;
					}
					case 'connect':
						report(connectStatus(await runtime.connect(), lang));
						break;
					case 'export': {
						const exported = await runtime.exportActivationRequest();
						if (!exported.ok) {
							report(
								exported.code === 'nothing-to-activate'
									? {tone: 'error', text: t(lang, 'activation.nothing')}
									: {tone: 'error', text: exported.message},
							);
							break;
						}
						await files.write(command.path, exported.text);
						const parts = [
							t(lang, 'manual.request-exported', {path: command.path}),
						];
						if (source.offlinePortal) {
							// Demo: the simulated vendor portal answers at once, so R5 can be shown end to end.
							const responsePath =
								uiRef.current.settings.text.importPath.value.trim() ||
								DEFAULT_RESPONSE_PATH;
							await files.write(
								responsePath,
								await source.offlinePortal(exported.text),
							);
							parts.push(
								t(lang, 'ui.manual.demo-answered', {path: responsePath}),
							);
						}
						report({tone: 'ok', text: parts.join(' ')});
						break;
					}
					case 'import': {
						let text: string;
						try {
							text = await files.read(command.path);
						} catch (error) {
							report({
								tone: 'error',
								text: t(lang, 'manual.unreadable', {
									path: command.path,
									reason: fileError(error),
								}),
							});
							break;
						}
						const before = runtime.snapshot();
						const outcome = await runtime.importActivationResponse(text);
						report(activationStatus(outcome, before, runtime.snapshot(), lang));
						if (outcome.ok)
							dispatch({type: 'settings', action: {type: 'activated'}});
						break;
					}
					case 'device-activate': {
						const outcome = await runtime.activateDevice();
						report(deviceStatus(outcome, null, runtime.snapshot(), lang));
						break;
					}
					case 'device-deactivate': {
						const outcome = await runtime.deactivateDevice(command.id);
						report(deviceStatus(outcome, command.id, runtime.snapshot(), lang));
						break;
					}
				}
			} catch (error) {
				report({
					tone: 'error',
					text: t(lang, 'ui.outcome.failed', {message: fileError(error)}),
				});
			} finally {
				dispatch({type: 'busy', label: null});
			}
		},
		[exit, runDemo, source, dispatch, report, lang, files],
	);

	useInput((input, key) => {
		const context = contextRef.current;
		if (!context) return;
		const result = handleKeys(uiRef.current, toKeyPresses(input, key), context);
		if (result.state !== uiRef.current) apply(result.state);
		for (const command of result.commands) void execute(command);
	});

	// Demo play: simulated time runs with no key pressed (banners change at their instants).
	useEffect(() => {
		const controller = source.demo;
		if (!ui.isPlaying || !controller) return;
		const timer = setInterval(() => {
			// A control asked by a key goes first; a tick while the simulation is busy is skipped.
			if (demoPending.current === 0) void controller.advance(playStepMs);
		}, playIntervalMs);
		return () => clearInterval(timer);
	}, [ui.isPlaying, source, playStepMs, playIntervalMs]);

	// --- Render -----------------------------------------------------------------------------
	const isActive = ui.overlay === null;
	let content: ReactNode;
	if (isHelp) {
		content = (
			<HelpScreen
				lang={lang}
				width={width}
				height={contentHeight}
				isDemo={source.isDemo}
			/>
		);
	} else {
		switch (ui.screen) {
			case 'home':
				content = (
					<HomeScreen
						lang={lang}
						width={width}
						height={contentHeight}
						view={view}
						isActive={isActive}
					/>
				);
				break;
			case 'settings':
				content = (
					<SettingsLicenseScreen
						lang={lang}
						width={width}
						height={contentHeight}
						view={view}
						state={ui.settings}
						isActive={isActive}
					/>
				);
				break;
			case 'devices':
				content = (
					<DevicesScreen
						lang={lang}
						width={width}
						height={contentHeight}
						view={view}
						state={ui.devices}
						isActive={isActive}
					/>
				);
				break;
			case 'events':
				content = (
					<EventsScreen
						lang={lang}
						width={width}
						height={contentHeight}
						view={view}
						state={ui.events}
						isActive={isActive}
					/>
				);
				break;
		}
	}
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			overflowY="hidden"
		>
			<HeaderView
				lang={lang}
				width={width}
				now={view.now}
				state={evaluation.state}
				screen={ui.screen}
				demoName={demo ? demo.scenario.name : null}
			/>
			<BannersView blocks={blocks} />
			<Box height={contentHeight} flexDirection="column" overflowY="hidden">
				{content}
			</Box>
			<StatusLineView tone={status.tone} lines={status.lines} />
			{demo ? (
				<SimBarView
					lang={lang}
					width={width}
					demo={demo}
					isPlaying={ui.isPlaying}
					jump={ui.overlay?.kind === 'jump' ? ui.overlay.field : null}
				/>
			) : null}
			<FooterView lines={footer} width={width} />
		</Box>
	);
}

function busyLabel(type: Exclude<UiCommand['type'], 'quit' | 'demo'>) {
	const labels = {
		save: 'ui.busy.save',
		activate: 'ui.busy.activate',
		connect: 'ui.busy.connect',
		export: 'ui.busy.export',
		import: 'ui.busy.import',
		'device-activate': 'ui.busy.device',
		'device-deactivate': 'ui.busy.device',
	} as const;
	return labels[type];
}

function fileError(error: unknown): string {
	if (
		error &&
		typeof error === 'object' &&
		'code' in error &&
		error.code === 'ENOENT'
	)
		return 'no such file';
	return error instanceof Error ? error.message : String(error);
}

type DemoViewOf = NonNullable<DashboardView['demo']>;

/** What a simulation control did, for the status line. */
function demoStatus(
	command: DemoCommand,
	before: DemoViewOf,
	after: DemoViewOf,
	message: DemoViewOf['message'],
	lang: Lang,
	timeZone: string | undefined,
): StatusMessage | null {
	if (
		message &&
		!message.ok &&
		(message.code === 'past' || message.code === 'done')
	) {
		return {
			tone: 'error',
			text:
				message.code === 'past'
					? t(lang, 'ui.demo.past', {
							day: command.type === 'jump' ? command.day : after.day,
						})
					: t(lang, 'ui.demo.no-more-steps'),
		};
	}
	switch (command.type) {
		case 'advance':
		case 'next-deadline':
		case 'jump':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.moved', {
					date: formatDateTime(after.now, lang, timeZone),
					day: after.day,
				}),
			};
		case 'toggle-network':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.network-now', {
					state: t(lang, `ui.network.${after.network}`),
				}),
			};
		case 'swap-hardware':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.swapped', {hardware: after.hardware}),
			};
		case 'restart':
			return {tone: 'info', text: t(lang, 'ui.demo.restarted')};
		case 'step': {
			const step = before.scenario.next
				? formatStep(before.scenario.next, lang)
				: '';
			const text = [
				t(lang, 'ui.demo.stepped', {step}),
				message && message.message !== step ? message.message : '',
			]
				.filter(Boolean)
				.join(' ');
			return {tone: message && !message.ok ? 'error' : 'ok', text};
		}
	}
}

/** The key hints for where the focus is. */
export function footerHints(
	ui: UiState,
	lang: Lang,
	isDemo: boolean,
	isUnlicensed: boolean,
): string[] {
	let main: string;
	if (ui.overlay?.kind === 'help') {
		main = t(lang, 'ui.footer.help');
	} else if (ui.overlay?.kind === 'jump') {
		main = t(lang, 'ui.demo.jump-hint');
	} else if (isTextFocused(ui)) {
		main = t(lang, isDemo ? 'ui.footer.typing-demo' : 'ui.footer.typing');
	} else {
		const screen = {
			home: isUnlicensed ? 'ui.footer.home' : 'ui.footer.home-licensed',
			settings: ui.settings.isEditing
				? 'ui.footer.settings'
				: 'ui.footer.settings-left',
			devices: 'ui.footer.devices',
			events: 'ui.footer.events',
		} as const;
		main = t(lang, screen[ui.screen]);
	}
	return isDemo ? [main, t(lang, 'ui.footer.demo')] : [main];
}
