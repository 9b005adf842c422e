/** `?`: every key, in two columns (the demo's keys on the right). Any key closes it. */
import {Box, Text} from 'ink';
import {type Lang, type MessageId, t} from '../../i18n/index.js';
import {padTo, textWidth, truncate} from '../format.js';
import {STATE_GLYPH} from '../theme.js';

type Props = {lang: Lang; width: number; height: number; isDemo: boolean};

/** Keys as printed on the keyboard, some in the admin's language (Entrée, Échap, Suppr). */
type Entry = [keys: string | ((lang: Lang) => string), what: MessageId];

const GENERAL: Entry[] = [
	['1 2 3 4', 'ui.help.screens'],
	['Tab ⇧Tab', 'ui.help.tab'],
	['↑ ↓ ← →', 'ui.help.arrows'],
	[(lang) => t(lang, 'ui.help.key.enter'), 'ui.help.enter'],
	[(lang) => t(lang, 'ui.help.key.escape'), 'ui.help.escape'],
	['PgUp PgDn', 'ui.help.pages'],
	[(lang) => `a  ${t(lang, 'ui.help.key.delete')}`, 'ui.help.devices'],
	['?', 'ui.help.help'],
	['q  Ctrl+C', 'ui.help.quit'],
];

const DEMO: Entry[] = [
	['h d w m', 'ui.help.demo.time'],
	['x', 'ui.help.demo.next'],
	['j', 'ui.help.demo.jump'],
	['p', 'ui.help.demo.play'],
	['t', 'ui.help.demo.network'],
	['s', 'ui.help.demo.swap'],
	['r', 'ui.help.demo.restart'],
	['n', 'ui.help.demo.step'],
	['k  Ctrl+K', 'ui.help.demo.key'],
];

function Column({
	title,
	entries,
	width,
	lang,
}: {
	title: string;
	entries: Entry[];
	width: number;
	lang: Lang;
}) {
	const rows = entries.map(([keys, what]) => ({
		keys: typeof keys === 'string' ? keys : keys(lang),
		what,
	}));
	const keyWidth = Math.max(...rows.map((row) => textWidth(row.keys)));
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

export function HelpScreen({lang, width, height, isDemo}: Props) {
	const isTwoColumns = isDemo && width >= 60;
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
	return (
		<Box
			flexDirection="column"
			height={height}
			width={width}
			overflowY="hidden"
		>
			<Box flexDirection={isTwoColumns ? 'row' : 'column'} flexShrink={0}>
				<Column
					title={t(lang, 'ui.help.title')}
					entries={GENERAL}
					width={columnWidth}
					lang={lang}
				/>
				{isDemo ? (
					<>
						<Box width={2} />
						<Column
							title={t(lang, 'ui.help.demo-title')}
							entries={DEMO}
							width={columnWidth}
							lang={lang}
						/>
					</>
				) : null}
			</Box>
			<Text> </Text>
			<Text dimColor>{truncate(legend, width)}</Text>
			<Text dimColor>
				{truncate(
					`↻ ${t(lang, 'ui.help.renews')} · ${t(lang, 'ui.help.close')}`,
					width,
				)}
			</Text>
		</Box>
	);
}
