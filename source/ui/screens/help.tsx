/**
 * `?`: the keys that work where the focus was (issue 12, point 8), from the one keymap table: the
 * screen's keys on the left, the demo's on the right. Any key closes it.
 */
import {Box, Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import {padTo, textWidth, truncate, wrapText} from '../format.js';
import {type HelpRow, helpRows} from '../key-hints.js';
import type {Place} from '../keymap.js';
import {STATE_GLYPH} from '../theme.js';

const PLACE_TITLE = {
	typing: 'ui.help.place.typing',
	menu: 'ui.help.place.menu',
	confirm: 'ui.help.place.confirm',
	help: 'ui.help.place.home',
	message: 'ui.help.place.home',
	time: 'ui.help.place.time',
	home: 'ui.help.place.home',
	settings: 'ui.help.place.settings',
	table: 'ui.help.place.table',
	manual: 'ui.help.place.manual',
	devices: 'ui.help.place.devices',
	events: 'ui.help.place.events',
} as const;

function Column({
	title,
	rows,
	width,
	lang,
}: {
	title: string;
	rows: HelpRow[];
	width: number;
	lang: Lang;
}) {
	const keyWidth = Math.min(
		Math.floor(width / 2),
		Math.max(0, ...rows.map((row) => textWidth(row.keys))),
	);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Text bold>{truncate(title, width)}</Text>
			{rows.map(({keys, what}) => (
				<Text key={what} wrap="truncate">
					<Text bold>{padTo(keys, keyWidth)}</Text>{' '}
					{truncate(t(lang, what), width - keyWidth - 1)}
				</Text>
			))}
		</Box>
	);
}

export function HelpScreen({
	lang,
	width,
	height,
	place,
	isDemo,
}: {
	lang: Lang;
	width: number;
	height: number;
	place: Place;
	isDemo: boolean;
}) {
	const demoRows = isDemo ? helpRows(lang, place, true, true) : [];
	const isTwoColumns = demoRows.length > 0 && width >= 60;
	const columnWidth = isTwoColumns ? Math.floor((width - 2) / 2) : width;
	const legend = [
		t(lang, 'ui.label', {
			label: t(lang, 'ui.demo.timeline'),
			value: '',
		}).trimEnd(),
		`${STATE_GLYPH.running} ${t(lang, 'state.running')}`,
		`${STATE_GLYPH.warning} ${t(lang, 'state.warning')}`,
		`${STATE_GLYPH.stopped} ${t(lang, 'state.stopped')}`,
		`${STATE_GLYPH.unlicensed} ${t(lang, 'state.unlicensed')}`,
	].join('  ');
	const title = t(lang, 'ui.help.title', {place: t(lang, PLACE_TITLE[place])});
	return (
		<Box
			flexDirection="column"
			height={height}
			width={width}
			overflowY="hidden"
		>
			<Box flexDirection={isTwoColumns ? 'row' : 'column'} flexShrink={0}>
				<Column
					title={title}
					rows={helpRows(lang, place, isDemo, false)}
					width={columnWidth}
					lang={lang}
				/>
				{demoRows.length > 0 ? (
					<>
						<Box width={2} />
						<Column
							title={t(lang, 'ui.help.demo-title')}
							rows={demoRows}
							width={columnWidth}
							lang={lang}
						/>
					</>
				) : null}
			</Box>
			<Text> </Text>
			{/* The timeline's legend is the demo's: the real dashboard has no timeline. */}
			{isDemo ? <Text dimColor>{truncate(legend, width)}</Text> : null}
			{wrapText(
				`↻ ${t(lang, 'ui.help.renews')} · ${t(lang, 'ui.help.close')}`,
				width,
			).map((line) => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}

/** The status message whole, when it did not fit its rows (`i`). */
export function MessageScreen({
	text,
	width,
	height,
	lang,
}: {
	text: string;
	width: number;
	height: number;
	lang: Lang;
}) {
	const lines = wrapText(text, width);
	return (
		<Box
			flexDirection="column"
			height={height}
			width={width}
			overflowY="hidden"
		>
			<Text bold>{t(lang, 'ui.message.title')}</Text>
			{lines.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: rows of one text, in order.
				<Text key={index}>{line}</Text>
			))}
			<Text> </Text>
			<Text dimColor>{t(lang, 'ui.key-hint.any-key-closes-message')}</Text>
		</Box>
	);
}
