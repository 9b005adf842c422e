/**
 * The dashboard: header, live banners, the current screen, the status line, the demo's
 * simulation bar and the key hints. State lives in the pure machine of `app-state.ts`; this
 * component wires it to the keyboard, hands its commands to `use-commands.ts`, and re-renders on
 * every change the source publishes.
 */
import {Box, useInput, useStdout} from 'ink';
import {
	type ReactNode,
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
	useSyncExternalStore,
} from 'react';
import type {Lang} from '../i18n/index.js';
import {
	handleKeys,
	initialUi,
	reduceUi,
	type UiAction,
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
import type {DashboardSource} from './dashboard-source.js';
import {footerHints} from './key-hints.js';
import {toKeyPresses} from './keypress.js';
import {
	deviceListHeight,
	eventListHeight,
	frameRows,
	licenseTableHeight,
} from './layout.js';
import {DevicesScreen} from './screens/devices.js';
import {EventsScreen} from './screens/events.js';
import {HelpScreen} from './screens/help.js';
import {HomeScreen} from './screens/home.js';
import type {ScreenProps} from './screens/screen-props.js';
import {SettingsLicenseScreen} from './screens/settings-license.js';
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

/** The screen in view, each given its own part of the state; the help covers it while open. */
function CurrentScreen({
	ui,
	...props
}: Omit<ScreenProps, 'state'> & {ui: UiState}): ReactNode {
	if (ui.overlay?.kind === 'help')
		return <HelpScreen {...props} state={null} />;
	switch (ui.screen) {
		case 'home':
			return <HomeScreen {...props} state={null} />;
		case 'settings':
			return <SettingsLicenseScreen {...props} state={ui.settings} />;
		case 'devices':
			return <DevicesScreen {...props} state={ui.devices} />;
		case 'events':
			return <EventsScreen {...props} state={ui.events} />;
	}
}

export function App({
	source,
	lang,
	files = nodeFiles,
	playStepMs = 3_600_000,
	playIntervalMs = 100,
}: AppProps) {
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
		width,
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

	const {execute, isDemoBusy} = useCommands({
		source,
		lang,
		files,
		timeZone: theme.timeZone,
		ui: uiRef,
		dispatch,
	});

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
			if (!isDemoBusy()) void controller.advance(playStepMs);
		}, playIntervalMs);
		return () => clearInterval(timer);
	}, [ui.isPlaying, source, playStepMs, playIntervalMs, isDemoBusy]);

	// --- Render -----------------------------------------------------------------------------
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
				<CurrentScreen
					ui={ui}
					lang={lang}
					width={width}
					height={contentHeight}
					view={view}
					isActive={ui.overlay === null}
				/>
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
