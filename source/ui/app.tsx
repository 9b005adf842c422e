/**
 * The dashboard: header, live banners, the current screen, the status line, the demo's
 * simulation bar and the footer (the mode and the keys). State lives in the pure machine of
 * `app-state.ts`; this component lays the screen out, wires it to the keyboard, hands its
 * commands to `use-commands.ts`, and re-renders on every change the source publishes.
 */
import {Box, useInput, useIsScreenReaderEnabled, useStdout} from 'ink';
import {
	type ReactNode,
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
	useSyncExternalStore,
} from 'react';
import {type Lang, t} from '../i18n/index.js';
import type {Snapshot} from '../runtime/runtime.js';
import {
	handleKeys,
	initialUi,
	placeOf,
	reduceUi,
	type StatusMessage,
	type TabId,
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
import {type Line, PageView, pageGeometry} from './components/page/index.js';
import {SimBarView, simBarHeight} from './components/sim-bar/index.js';
import {StatusLineView, statusLines} from './components/status-line/index.js';
import type {DashboardSource, DashboardView} from './dashboard-source.js';
import {demoChoices, pickerView, scenarioName} from './demo-pickers.js';
import {footerHints, footerMode} from './key-hints.js';
import {type KeyPress, toKeyPresses} from './keypress.js';
import {
	frameRows,
	MIN_CONTENT_ROWS,
	statusRows,
	WIDE_COLUMNS,
} from './layout.js';
import {ConfirmScreen} from './screens/confirm.js';
import {
	DevicesScreen,
	deviceHint,
	deviceListHeight,
	shownDevices,
} from './screens/devices.js';
import {
	EventsScreen,
	eventDetail,
	eventListHeight,
	shownEvents,
} from './screens/events.js';
import {helpLines, messageLines} from './screens/help.js';
import {homeLines} from './screens/home.js';
import {manualLines, textBlockLines} from './screens/manual.js';
import {PickerScreen, pickerListRows} from './screens/picker.js';
import {
	settingsLines,
	settingsTableHeight,
	shownLicenses,
} from './screens/settings-license.js';
import {useTheme} from './theme.js';
import {type FileAccess, nodeFiles, useCommands} from './use-commands.js';

export type {FileAccess} from './use-commands.js';

export type AppProps = {
	source: DashboardSource;
	lang: Lang;
	files?: FileAccess;
	/** Demo play: simulated time added at each tick. @default one hour */
	playStepMs?: number;
	/** Demo play: real time between ticks. @default 100 */
	playIntervalMs?: number;
	/** Keys typed while the dashboard was starting, taken once it shows, in order. */
	typedAhead?: readonly KeyPress[];
	/**
	 * The screen shown first, as if its number key had been pressed on Home (Esc goes back to
	 * Home). For snapshot tests (`myq-license/testing`). @default 'home'
	 */
	screen?: TabId;
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

/**
 * The status as it stands now: a message whose cause went is gone (point 4), the form's error
 * count follows the fields fixed.
 */
export function liveStatus(
	status: StatusMessage | null,
	ui: UiState,
	snapshot: Snapshot,
	lang: Lang,
): StatusMessage | null {
	if (!status) return null;
	if (status.clearsWhen === 'form-valid') {
		const count = Object.keys(ui.settings.errors).length;
		return count === 0
			? null
			: {...status, text: t(lang, 'customer.invalid', {count})};
	}
	if (status.clearsWhen === 'contact') {
		const last = snapshot.state.server.lastSuccessAt;
		if (last !== null && (status.since == null || last > status.since))
			return null;
	}
	return status;
}

export function App({
	source,
	lang,
	files = nodeFiles,
	playStepMs = 3_600_000,
	playIntervalMs = 100,
	typedAhead,
	screen = 'home',
}: AppProps) {
	const theme = useTheme();
	const size = useTerminalSize();
	const view = useSyncExternalStore(source.subscribe, source.view);
	const [ui, setUi] = useState<UiState>(() => {
		const {customer} = view.snapshot.state;
		const home = initialUi(customer, lang, files.defaultFolder());
		return screen === 'home'
			? home
			: reduceUi(home, {type: 'go', screen, hasCustomer: customer !== null});
	});
	const uiRef = useRef(ui);
	const apply = useCallback((next: UiState) => {
		uiRef.current = next;
		setUi(next);
	}, []);
	const dispatch = useCallback(
		(action: UiAction) => apply(reduceUi(uiRef.current, action)),
		[apply],
	);

	// The form follows the stored customer (a save, a scenario step, the CLI), unless the admin
	// is editing it: then it says so and offers Reload or Keep mine (point 5).
	const customer = view.snapshot.state.customer;
	useEffect(() => {
		dispatch({
			type: 'settings',
			action: {type: 'customer-changed', customer, lang},
		});
	}, [customer, lang, dispatch]);

	// --- Layout ---------------------------------------------------------------------------
	// Ink's screen-reader mode (INK_SCREEN_READER=true) reads the screen as plain lines, in
	// order: one column (two side by side would read as one line of both), every message whole.
	const isScreenReader = useIsScreenReaderEnabled();
	const width = isScreenReader
		? Math.min(size.columns, WIDE_COLUMNS - 1)
		: size.columns;
	const height = frameRows(size.rows);
	const {evaluation, state} = view.snapshot;
	const demo = view.demo;
	const place = placeOf(ui);
	// The help and the whole message cover the banners (they come back when closed).
	const isCovering =
		ui.overlay?.kind === 'help' ||
		ui.overlay?.kind === 'message' ||
		ui.overlay?.kind === 'text';
	const status = liveStatus(ui.status, ui, view.snapshot, lang);
	const footer = footerHints(
		ui,
		lang,
		source.isDemo,
		evaluation.state === 'unlicensed',
		width,
	);
	const footerKey = `${footer.mode}\n${footer.lines.join('\n')}`;
	const footerLines = useMemo(
		() => footerKey.split('\n').slice(1),
		[footerKey],
	);
	const simRows = demo
		? simBarHeight(
				demo,
				lang,
				width,
				ui.overlay?.kind === 'prompt' && ui.overlay.error
					? t(lang, ui.overlay.error)
					: null,
			)
		: 0;
	// The status line shares the rows with the demo bar: what is left once the header, the bar,
	// the footer, the least of the content and of the banners have theirs (three banners, a
	// five-row message and a two-row step at 80x24 in French drew rows over each other). A cut
	// message says that `i` shows it whole.
	const statusBudget = isScreenReader
		? Number.POSITIVE_INFINITY
		: Math.max(
				1,
				Math.min(
					statusRows(height),
					height -
						2 -
						simRows -
						footerLines.length -
						MIN_CONTENT_ROWS -
						(isCovering || evaluation.banners.length === 0 ? 0 : 2),
				),
			);
	const statusView = useMemo(
		() =>
			statusLines(
				status,
				ui.busy,
				width,
				statusBudget,
				t(lang, 'ui.message.more'),
			),
		[status, ui.busy, width, statusBudget, lang],
	);
	const fixedRows = 2 + statusView.lines.length + simRows + footerLines.length;
	const blocks = useMemo(
		() =>
			isCovering
				? []
				: clipBanners(
						bannerBlocks(evaluation.banners, lang, width),
						Math.max(2, height - fixedRows - MIN_CONTENT_ROWS),
						width - 2,
					),
		[isCovering, evaluation.banners, lang, width, height, fixedRows],
	);
	const contentHeight = Math.max(
		MIN_CONTENT_ROWS,
		height - fixedRows - bannerRows(blocks),
	);

	// --- The screen's content and what the keys need of it -------------------------------
	const executeRef = useRef<(command: UiCommand) => Promise<void>>(
		async () => {},
	);
	const content = useContent({
		ui,
		view,
		lang,
		width,
		height: contentHeight,
		isDemo: source.isDemo,
		folderPath: files.resolve(ui.manual.folder.value),
		message: status?.text ?? '',
	});

	// The demo's pickers list from the simulation's view (issue 13).
	const choices = useMemo(() => (demo ? demoChoices(demo) : null), [demo]);
	const picker =
		ui.overlay?.kind === 'picker' && choices
			? pickerView(ui.overlay.picker, choices, lang, width)
			: null;
	const contextRef = useRef<UiContext | null>(null);
	contextRef.current = {
		lang,
		isDemo: source.isDemo,
		isUnlicensed: evaluation.state === 'unlicensed',
		hasCustomer: state.customer !== null,
		licenseCount: content.licenseCount,
		tableHeight: content.tableHeight,
		deviceIds: content.deviceIds,
		eventCount: content.eventCount,
		listHeight: content.listHeight,
		page: content.page?.geometry ?? null,
		demoKeys: view.demoKeys.map((key) => key.key),
		demo: choices,
		pickerRows: picker
			? pickerListRows(picker.title, width, contentHeight)
			: contentHeight,
		isStatusCut: statusView.isCut,
	};

	const {execute, isDemoBusy} = useCommands({
		source,
		lang,
		files,
		timeZone: theme.timeZone,
		ui: uiRef,
		dispatch,
	});
	executeRef.current = execute;

	// One handler for the whole life of the app (its listener keeps its place among Ink's).
	const takeKeys = useCallback(
		(presses: readonly KeyPress[]) => {
			const context = contextRef.current;
			if (!context) return;
			const result = handleKeys(uiRef.current, presses, context);
			if (result.state !== uiRef.current) apply(result.state);
			for (const command of result.commands) void executeRef.current(command);
		},
		[apply],
	);
	const onInput = useCallback(
		(input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) =>
			takeKeys(toKeyPresses(input, key)),
		[takeKeys],
	);
	useInput(onInput);
	// Keys typed while the dashboard started (over SSH, an admin types 2 at once): taken now, as
	// if typed on the first frame, rather than lost.
	const typedAheadRef = useRef(typedAhead);
	useEffect(() => {
		const presses = typedAheadRef.current;
		typedAheadRef.current = undefined;
		if (presses && presses.length > 0) takeKeys(presses);
	}, [takeKeys]);

	// Demo play: simulated time runs with no key pressed (banners change at their instants).
	useEffect(() => {
		const controller = source.demo;
		if (!ui.isPlaying || !controller) return;
		const timer = setInterval(() => {
			// A control asked by a key goes first; a tick while the simulation is busy is skipped.
			if (!isDemoBusy() && !controller.view().busy)
				void controller.advance(playStepMs);
		}, playIntervalMs);
		return () => clearInterval(timer);
	}, [ui.isPlaying, source, playStepMs, playIntervalMs, isDemoBusy]);

	// --- Render -----------------------------------------------------------------------------
	const overlay = ui.overlay;
	let body: ReactNode = content.node;
	if (overlay?.kind === 'picker' && picker)
		body = (
			<PickerScreen
				title={picker.title}
				items={picker.items}
				choice={overlay.choice}
				width={width}
				height={contentHeight}
			/>
		);
	else if (overlay?.kind === 'confirm')
		body = (
			<ConfirmScreen
				question={overlay.question}
				choice={overlay.choice}
				lang={lang}
				width={width}
				height={contentHeight}
			/>
		);
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
				demoName={demo ? scenarioName(demo.scenario, lang) : null}
			/>
			<BannersView blocks={blocks} />
			<Box height={contentHeight} flexDirection="column" overflowY="hidden">
				{body}
			</Box>
			<StatusLineView tone={statusView.tone} lines={statusView.lines} />
			{demo ? (
				<SimBarView
					lang={lang}
					width={width}
					demo={demo}
					isPlaying={ui.isPlaying}
					time={overlay?.kind === 'time' ? overlay.field : null}
					prompt={overlay?.kind === 'prompt' ? overlay : null}
				/>
			) : null}
			<FooterView
				mode={footer.mode}
				isTyping={
					footerMode(ui, lang).kind === 'typing' ||
					place === 'time' ||
					place === 'prompt'
				}
				lines={footerLines}
				width={width}
			/>
		</Box>
	);
}

type Content = {
	node: ReactNode;
	/** The page on screen (Home, Settings > License, Manual activation) and its geometry. */
	page: {geometry: ReturnType<typeof pageGeometry>} | null;
	licenseCount: number;
	tableHeight: number;
	deviceIds: string[];
	eventCount: number;
	listHeight: number;
};

/** The current screen, laid out in `height` rows, and the counts and sizes its keys need. */
function useContent({
	ui,
	view,
	lang,
	width,
	height,
	isDemo,
	folderPath,
	message,
}: {
	ui: UiState;
	view: DashboardView;
	lang: Lang;
	width: number;
	height: number;
	isDemo: boolean;
	folderPath: string;
	/** The status message, shown whole by `i`. */
	message: string;
}): Content {
	const theme = useTheme();
	const isScreenReader = useIsScreenReaderEnabled();
	const isActive =
		ui.overlay === null ||
		ui.overlay.kind === 'time' ||
		ui.overlay.kind === 'prompt';
	const {evaluation, state} = view.snapshot;

	const licenses = shownLicenses(evaluation.licenses, ui.settings, lang);
	const tableHeight = settingsTableHeight(
		{height, state: ui.settings, width, lang},
		licenses,
	);
	const devices = shownDevices(evaluation.devices.list, ui.devices, lang);
	const events = shownEvents(state.log, ui.events, lang);
	const base = {
		licenseCount: licenses.length,
		tableHeight,
		deviceIds: devices.map((device) => device.id),
		eventCount: events.length,
	};
	const page = (
		lines: Line[],
		scroll: UiState['home'],
		focus: string | null,
	): Content => {
		const geometry = pageGeometry(lines, height, scroll, focus);
		return {
			...base,
			listHeight: 1,
			page: {geometry},
			node: (
				<PageView
					key={
						ui.overlay?.kind === 'help' ||
						ui.overlay?.kind === 'text' ||
						ui.overlay?.kind === 'message'
							? ui.overlay.kind
							: ui.screen
					}
					lines={lines}
					geometry={geometry}
					focus={focus}
					height={height}
					width={width}
					position={(from, to, total) =>
						t(lang, 'ui.page.position', {from, to, total})
					}
				/>
			),
		};
	};
	if (ui.overlay?.kind === 'help')
		return page(
			helpLines({
				lang,
				width,
				place: ui.overlay.place,
				isDemo,
				isOneColumn: isScreenReader,
			}),
			ui.overlay.scroll,
			null,
		);
	if (ui.overlay?.kind === 'message')
		return page(messageLines(message, width, lang), ui.overlay.scroll, null);
	if (ui.overlay?.kind === 'text')
		return page(
			textBlockLines(lang, ui.manual, ui.overlay.block, width),
			ui.overlay.scroll,
			null,
		);
	switch (ui.screen) {
		case 'home':
			return page(
				homeLines({lang, width, view, isActive, theme}),
				ui.home,
				isActive && evaluation.state === 'unlicensed' ? 'enter-license' : null,
			);
		case 'settings':
			return page(
				settingsLines({
					lang,
					width,
					height,
					view,
					state: ui.settings,
					isActive,
					theme,
				}),
				ui.settings.page,
				isActive ? ui.settings.focus : null,
			);
		case 'manual': {
			const lines = manualLines({
				lang,
				width,
				state: ui.manual,
				folderPath,
				isDemo,
				isActive,
				theme,
			});
			return page(lines, ui.manual.page, isActive ? ui.manual.focus : null);
		}
		case 'devices':
			return {
				...base,
				page: null,
				listHeight: deviceListHeight(
					height,
					ui.devices,
					deviceHint(lang, width).length,
				),
				node: (
					<DevicesScreen
						lang={lang}
						width={width}
						height={height}
						view={view}
						state={ui.devices}
						isActive={isActive}
					/>
				),
			};
		case 'events': {
			const detail = eventDetail(events, ui.events, width, height, lang);
			return {
				...base,
				page: null,
				listHeight: eventListHeight(
					height,
					ui.events,
					Math.min(detail.length, Math.max(1, height - 4)),
				),
				node: (
					<EventsScreen
						lang={lang}
						width={width}
						height={height}
						view={view}
						state={ui.events}
						isActive={isActive}
					/>
				),
			};
		}
	}
}
