/**
 * `?`: the keys that work where the focus was (issue 12, point 8), from the one keymap table:
 * the place's keys, then the demo's. Any key closes it but the ones that scroll it.
 */
import {Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import {Blank} from '../components/blank/index.js';
import type {Line} from '../components/page/index.js';
import {padTo, textWidth, truncate, wrapText} from '../format.js';
import {type HelpRow, helpRows} from '../key-hints.js';
import type {Place} from '../keymap.js';
import {STATE_GLYPH} from '../theme.js';

const PLACE_TITLE = {
	typing: 'ui.help.place.typing',
	menu: 'ui.help.place.menu',
	confirm: 'ui.help.place.confirm',
	picker: 'ui.help.place.picker',
	prompt: 'ui.help.place.prompt',
	help: 'ui.help.place.home',
	message: 'ui.help.place.home',
	text: 'ui.help.place.text',
	time: 'ui.help.place.time',
	home: 'ui.help.place.home',
	settings: 'ui.help.place.settings',
	table: 'ui.help.place.table',
	manual: 'ui.help.place.manual',
	devices: 'ui.help.place.devices',
	events: 'ui.help.place.events',
} as const;

/**
 * The help as the lines of a page: the place's keys, then the demo's (beside them from 100
 * columns, under them below), each description whole (wrapped under itself, never cut), the
 * timeline's legend in the demo only. PgUp/PgDn scroll it when it does not fit; any other key
 * closes it.
 */
export function helpLines({
	lang,
	width,
	place,
	isDemo,
	isOneColumn = false,
}: {
	lang: Lang;
	width: number;
	place: Place;
	isDemo: boolean;
	/** One column whatever the width (a screen reader reads rows, not columns). */
	isOneColumn?: boolean;
}): Line[] {
	const demoRows = isDemo ? helpRows(lang, place, true, true) : [];
	const title = t(lang, 'ui.help.title', {place: t(lang, PLACE_TITLE[place])});
	const isTwoColumns = demoRows.length > 0 && width >= 100 && !isOneColumn;
	const columnWidth = isTwoColumns ? Math.floor((width - 2) / 2) : width;
	const main = column(
		title,
		helpRows(lang, place, isDemo, false),
		columnWidth,
		lang,
	);
	const demo =
		demoRows.length > 0
			? column(t(lang, 'ui.help.demo-title'), demoRows, columnWidth, lang)
			: [];
	const lines: Line[] = [];
	if (isTwoColumns) {
		for (let row = 0; row < Math.max(main.length, demo.length); row++) {
			lines.push({
				key: `row-${row}`,
				node: (
					<Text>
						{padTo(main[row] ?? '', columnWidth)}
						{'  '}
						{demo[row] ?? ''}
					</Text>
				),
			});
		}
	} else {
		for (const [row, text] of main.entries())
			lines.push({key: `main-${row}`, node: <Text>{text}</Text>});
		if (demo.length > 0) {
			lines.push({key: 'between', node: <Blank />});
			for (const [row, text] of demo.entries())
				lines.push({key: `demo-${row}`, node: <Text>{text}</Text>});
		}
	}
	lines.push({key: 'blank', node: <Blank />});
	const notes = [
		// The timeline's legend is the demo's: the real dashboard has no timeline.
		...(isDemo
			? [
					[
						t(lang, 'ui.label', {
							label: t(lang, 'ui.demo.timeline'),
							value: '',
						}).trimEnd(),
						`${STATE_GLYPH.running} ${t(lang, 'state.running')}`,
						`${STATE_GLYPH.warning} ${t(lang, 'state.warning')}`,
						`${STATE_GLYPH.stopped} ${t(lang, 'state.stopped')}`,
						`${STATE_GLYPH.unlicensed} ${t(lang, 'state.unlicensed')}`,
					].join('  '),
					t(lang, 'ui.help.timeline-marks'),
				]
			: []),
		`↻ ${t(lang, 'ui.help.renews')} · ${t(lang, 'ui.help.close')}`,
	];
	for (const [index, note] of notes.entries()) {
		for (const [row, line] of wrapText(note, width).entries()) {
			lines.push({
				key: `note-${index}-${row}`,
				node: <Text dimColor>{line}</Text>,
			});
		}
	}
	return lines;
}

/** A column of the help as text rows: its title, then each key and what it does, wrapped. */
function column(
	title: string,
	rows: HelpRow[],
	width: number,
	lang: Lang,
): string[] {
	const keyWidth = Math.min(
		Math.floor(width / 3),
		Math.max(0, ...rows.map((row) => textWidth(row.keys))),
	);
	const out = [truncate(title, width)];
	for (const row of rows) {
		const what = wrapText(t(lang, row.what), Math.max(8, width - keyWidth - 1));
		for (const [index, line] of what.entries()) {
			out.push(`${padTo(index === 0 ? row.keys : '', keyWidth)} ${line}`);
		}
	}
	return out;
}

/**
 * The status message whole, when it did not fit its rows (`i`), as the lines of a page: a
 * message longer than the screen scrolls (PgUp/PgDn, j/k), so none is ever cut.
 */
export function messageLines(text: string, width: number, lang: Lang): Line[] {
	return [
		{key: 'title', node: <Text bold>{t(lang, 'ui.message.title')}</Text>},
		...wrapText(text, width).map((line, index) => ({
			key: `line-${index}`,
			node: <Text>{line}</Text>,
		})),
		{key: 'blank', node: <Blank />},
		{
			key: 'close',
			node: (
				<Text dimColor>{t(lang, 'ui.key-hint.any-key-closes-message')}</Text>
			),
		},
	];
}
