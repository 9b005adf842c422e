/**
 * The dashboard on a test terminal: the App of `myq-license` and `myq-license demo` over any
 * data source, at a chosen size, language and first screen, its files in memory, its dates in
 * one time zone, without colour unless asked.
 */
import chalk from 'chalk';
import type {ReactElement} from 'react';
import type {Lang} from '../i18n/lang.js';
import {App, type AppProps} from '../ui/app.js';
import type {TabId} from '../ui/app-state.js';
import type {DashboardSource} from '../ui/dashboard-source.js';
import {ThemeContext} from '../ui/theme.js';
import {type FileAccess, memoryFiles} from './files.js';
import {
	DEFAULT_SIZE,
	type FrameOptions,
	renderOnTerminal,
	type TerminalInstance,
	type TerminalSize,
} from './terminal.js';

/**
 * The screens a test can open first (SPEC §1: Home, Settings > License, Devices, Events).
 * @example
 * await renderAtDay('renewal.yaml', 355, {screen: 'settings-license'});
 */
export type ScreenName = 'home' | 'settings-license' | 'devices' | 'events';

const SCREEN_IDS: Record<ScreenName, TabId> = {
	home: 'home',
	'settings-license': 'settings',
	devices: 'devices',
	events: 'events',
};

/**
 * How `renderAtDay` and `renderDashboard` draw: the terminal's size, the language, the first
 * screen, colour and masking, the time zone, the files.
 * @example
 * const options: DashboardOptions = {columns: 80, rows: 24, lang: 'fr', screen: 'settings-license'};
 */
export type DashboardOptions = FrameOptions & {
	/** The terminal's width. @default 100 (ink-testing-library's) */
	columns?: number;
	/**
	 * The terminal's height. A frame is one row less: the dashboard leaves the last row free, so
	 * that Ink never redraws a whole screen. @default 24
	 */
	rows?: number;
	/** The dashboard's language. @default the scenario's (renderAtDay), else 'en' */
	lang?: Lang;
	/** The screen shown first (Esc goes back to Home from it). @default 'home' */
	screen?: ScreenName;
	/** The time zone dates and times are shown in. @default 'UTC' */
	timeZone?: string;
	/**
	 * The files the manual activation writes and reads. @default in memory: the instance's
	 * `files` map (path → text)
	 */
	files?: FileAccess;
};

export type DashboardTerminal = TerminalInstance & {
	/** The files written and read, path → text, when they are kept in memory (the default). */
	files: Map<string, string>;
};

const SCREENS = Object.keys(SCREEN_IDS) as ScreenName[];

/**
 * The dashboard over `source` as a tree ready to render, and the map its files go to (unless
 * `options.files`); `screen` checked.
 */
export function dashboardTree(
	source: DashboardSource,
	options: DashboardOptions & {lang: Lang},
	app: Partial<AppProps> = {},
): {tree: ReactElement; files: Map<string, string>} {
	const screen = options.screen ?? 'home';
	if (!SCREENS.includes(screen))
		throw new RangeError(
			`screen must be one of ${SCREENS.join(', ')}, got ${JSON.stringify(screen)}`,
		);
	const isColor = options.color ?? false;
	// Colour asked for, where chalk found no colour terminal (a test's stdout): the 16 basic
	// colours, the only ones the dashboard uses, so frames are the same at every colour level.
	if (isColor && chalk.level === 0) chalk.level = 1;
	const files = new Map<string, string>();
	const tree = (
		<ThemeContext.Provider
			value={{isColor, timeZone: options.timeZone ?? 'UTC'}}
		>
			<App
				source={source}
				lang={options.lang}
				files={options.files ?? memoryFiles(files)}
				screen={SCREEN_IDS[screen]}
				{...app}
			/>
		</ThemeContext.Provider>
	);
	return {tree, files};
}

/** The terminal's size asked, ink-testing-library's where not. */
export function sizeOf(options: DashboardOptions): TerminalSize {
	return {
		columns: options.columns ?? DEFAULT_SIZE.columns,
		rows: options.rows ?? DEFAULT_SIZE.rows,
	};
}

/** Renders the dashboard over `source` on a test terminal (terminal.ts). */
export async function renderSource(
	source: DashboardSource,
	options: DashboardOptions & {lang: Lang},
	app: Partial<AppProps> = {},
): Promise<DashboardTerminal> {
	const {tree, files} = dashboardTree(source, options, app);
	const terminal = await renderOnTerminal(tree, sizeOf(options), options);
	return Object.assign(terminal, {files});
}
