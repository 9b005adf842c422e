/**
 * What Ink renders first: a frame at once (the product, "starting"), while the engine or the
 * simulator starts and the dashboard's own modules load; then the dashboard. A failure to start
 * ends the app with that error, so the command prints it on the restored terminal.
 */
import {Box, Text, useApp, useInput} from 'ink';
import {type ComponentType, useEffect, useState} from 'react';
import {type Lang, t} from '../i18n/index.js';
import type {AppProps} from './app.js';
import {Blank} from './components/blank/index.js';
import type {DashboardSource} from './dashboard-source.js';
import {type KeyPress, toKeyPresses} from './keypress.js';
import {frameRows} from './layout.js';
import {type Theme, ThemeContext, toneColor} from './theme.js';

export {withIncrementalFix} from './incremental-fix.js';

export type Started = {App: ComponentType<AppProps>; source: DashboardSource};

/** Keys kept while the dashboard starts: what one types ahead, not a paste. */
const TYPED_AHEAD_MAX = 16;

type Props = {
	lang: Lang;
	theme: Theme;
	start: () => Promise<Started>;
	/** Gets the source once started, so the command can dispose of it at exit. */
	onStarted?: (started: Started) => void;
	/** Test seam: the App's props besides source and lang. */
	appProps?: Partial<AppProps>;
	columns: number;
	rows: number;
	isDemo: boolean;
};

export function Root({
	lang,
	theme,
	start,
	onStarted,
	appProps,
	columns,
	rows,
	isDemo,
}: Props) {
	const {exit} = useApp();
	const [started, setStarted] = useState<Started | null>(null);
	useEffect(() => {
		let isCurrent = true;
		start().then(
			(value) => {
				if (!isCurrent) return;
				onStarted?.(value);
				setStarted(value);
			},
			(error: unknown) =>
				exit(error instanceof Error ? error : new Error(String(error))),
		);
		return () => {
			isCurrent = false;
		};
	}, [start, onStarted, exit]);
	// While starting, q quits; other keys wait for the dashboard (a few: a paste is not kept).
	const [typedAhead, setTypedAhead] = useState<readonly KeyPress[]>([]);
	useInput(
		(input, key) => {
			if (input === 'q') {
				exit();
				return;
			}
			const presses = toKeyPresses(input, key);
			setTypedAhead((kept) =>
				kept.length + presses.length > TYPED_AHEAD_MAX
					? kept
					: [...kept, ...presses],
			);
		},
		{isActive: started === null},
	);
	return (
		<ThemeContext.Provider value={theme}>
			{started ? (
				<started.App
					source={started.source}
					lang={lang}
					typedAhead={typedAhead}
					{...appProps}
				/>
			) : (
				<Box flexDirection="column" width={columns} height={frameRows(rows)}>
					<Text bold color={toneColor(theme, 'accent')}>
						{t(lang, 'ui.product')}
					</Text>
					<Blank />
					<Text>{t(lang, isDemo ? 'ui.starting-demo' : 'ui.starting')}</Text>
				</Box>
			)}
		</ThemeContext.Provider>
	);
}
