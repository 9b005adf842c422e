/** `?`: every key of the keymap, in two columns (the demo's keys on the right). Any key closes it. */
import {Box, Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import {padTo, textWidth, truncate} from '../format.js';
import {type HelpRow, helpRows} from '../key-hints.js';
import {STATE_GLYPH} from '../theme.js';
import type {ScreenProps} from './screen-props.js';

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

export function HelpScreen({lang, width, height, view}: ScreenProps) {
	const isDemo = view.demo !== null;
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
					rows={helpRows(lang, false)}
					width={columnWidth}
					lang={lang}
				/>
				{isDemo ? (
					<>
						<Box width={2} />
						<Column
							title={t(lang, 'ui.help.demo-title')}
							rows={helpRows(lang, true)}
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
