import {Box, Text} from 'ink';
import {memo} from 'react';
import {formatStep, type Lang, t} from '../../../i18n/index.js';
import type {DemoView} from '../../demo-controls.js';
import {textWidth, truncate} from '../../format.js';
import {footerLine} from '../../key-hints.js';
import {STATE_GLYPH, STATE_TONE, toneColor, useTheme} from '../../theme.js';
import {type TextFieldState, TextFieldView} from '../text-field/index.js';
import {stripRuns} from './strip.js';

type Props = {
	lang: Lang;
	width: number;
	demo: DemoView;
	isPlaying: boolean;
	/** The time prompt (Ctrl+T), when open: a day to go to, or a time letter. */
	time: TextFieldState | null;
};

/** Demo only, two rows: the simulation's day, network, hardware and scenario; the timeline strip. */
function SimBarViewPlain({lang, width, demo, isPlaying, time}: Props) {
	const theme = useTheme();
	const networkTone = demo.network === 'online' ? 'ok' : 'error';
	const label = t(lang, 'ui.demo.timeline');
	const cells = Math.max(0, width - textWidth(label) - 1);
	if (time) {
		const prompt = `${t(lang, 'ui.demo.jump-prompt', {day: demo.day})} `;
		const hint = `  ${footerLine('time', lang)}`;
		return (
			<Box flexDirection="column" width={width}>
				<Text>
					<Text bold color={toneColor(theme, 'info')}>
						{prompt}
					</Text>
					<TextFieldView state={time} width={6} isFocused />
					<Text dimColor>
						{truncate(hint, Math.max(0, width - textWidth(prompt) - 6))}
					</Text>
				</Text>
				<Strip label={label} strip={demo.strip} cells={cells} />
			</Box>
		);
	}
	const scenario =
		demo.scenario.next === null
			? t(lang, 'ui.demo.scenario-done', {
					done: demo.scenario.done,
					total: demo.scenario.total,
				})
			: t(lang, 'ui.demo.scenario-next', {
					done: demo.scenario.done,
					total: demo.scenario.total,
					next: formatStep(demo.scenario.next, lang),
				});
	// "network: " in the language's punctuation ("réseau : " in French).
	const head = `${t(lang, 'ui.demo.badge')} · ${t(lang, 'ui.demo.day', {day: demo.day})} · ${t(lang, 'ui.label', {label: t(lang, 'ui.demo.network'), value: ''})}`;
	const network = t(lang, `ui.network.${demo.network}`);
	const hardware = ` · ${t(lang, 'ui.label', {label: t(lang, 'ui.demo.hardware'), value: demo.hardware})}`;
	const play = ` · ${isPlaying ? `▶ ${t(lang, 'ui.demo.playing')}` : `⏸ ${t(lang, 'ui.demo.paused')}`}`;
	const busy = demo.busy ? ' …' : '';
	const used = textWidth(head + network + hardware + play + busy);
	const tail = ` · ${scenario}`;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color={toneColor(theme, 'tamper')}>
					{head}
				</Text>
				<Text bold color={toneColor(theme, networkTone)}>
					{network}
				</Text>
				<Text>{hardware}</Text>
				<Text color={toneColor(theme, isPlaying ? 'ok' : null)}>{play}</Text>
				<Text>{busy}</Text>
				<Text dimColor>{truncate(tail, Math.max(0, width - used))}</Text>
			</Text>
			<Strip label={label} strip={demo.strip} cells={cells} />
		</Box>
	);
}

function Strip({
	label,
	strip,
	cells,
}: {
	label: string;
	strip: DemoView['strip'];
	cells: number;
}) {
	const theme = useTheme();
	const runs = stripRuns(strip, cells);
	// Glyphs for the eyes: a screen reader has the day and the state in the rows above.
	return (
		<Text aria-hidden>
			<Text dimColor>{label} </Text>
			{runs.map((run) => (
				<Text key={run.start} color={toneColor(theme, STATE_TONE[run.state])}>
					{STATE_GLYPH[run.state].repeat(run.length)}
				</Text>
			))}
		</Text>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const SimBarView = memo(SimBarViewPlain);
