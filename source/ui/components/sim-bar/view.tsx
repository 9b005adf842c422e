import {Box, Text} from 'ink';
import {memo} from 'react';
import {type Lang, type MessageId, t} from '../../../i18n/index.js';
import type {DemoView} from '../../demo-controls.js';
import type {DemoPrompt} from '../../demo-pickers.js';
import {textWidth, truncate} from '../../format.js';
import {footerLine} from '../../key-hints.js';
import {
	STATE_GLYPH,
	STATE_TONE,
	type Tone,
	toneColor,
	useTheme,
} from '../../theme.js';
import {type TextFieldState, TextFieldView} from '../text-field/index.js';
import {type PartTone, scriptRows, stateParts, timelineCells} from './rows.js';

type Props = {
	lang: Lang;
	width: number;
	demo: DemoView;
	isPlaying: boolean;
	/** The time prompt (Ctrl+T), when open: a day to go to, or a time letter. */
	time: TextFieldState | null;
	/** A demo prompt (the clock's amount, the vendor's days), when open. */
	prompt: {
		prompt: DemoPrompt;
		field: TextFieldState;
		error: MessageId | null;
	} | null;
};

const PART_TONE: Record<PartTone, Tone | null> = {
	badge: 'tamper',
	'network-ok': 'ok',
	'network-down': 'error',
	plain: null,
	play: null,
	dim: 'muted',
};

/**
 * Demo only: the simulation's state (or the prompt being answered), the script (the note of the
 * step just done, the next step in words), and the timeline strip: one cell a day, ◆ where the
 * state or a banner changed, the days after today (known from the record) after `┊`, dimmed.
 */
function SimBarViewPlain({lang, width, demo, isPlaying, time, prompt}: Props) {
	const theme = useTheme();
	const script = scriptRows(
		demo,
		lang,
		width,
		prompt?.error ? t(lang, prompt.error) : null,
	);
	return (
		<Box flexDirection="column" width={width}>
			{time ? (
				<PromptRow
					label={t(lang, 'ui.demo.jump-prompt', {day: demo.day})}
					field={time}
					hint={footerLine('time', lang)}
					width={width}
					fieldWidth={6}
				/>
			) : prompt ? (
				<PromptRow
					label={
						prompt.prompt.id === 'clock'
							? t(lang, 'ui.demo.prompt.clock')
							: t(lang, 'ui.demo.prompt.extend', {target: prompt.prompt.target})
					}
					field={prompt.field}
					hint={footerLine('prompt', lang)}
					width={width}
					fieldWidth={8}
				/>
			) : (
				<Text wrap="truncate">
					{stateParts(demo, lang, isPlaying, width).map((part, index) => (
						<Text
							// biome-ignore lint/suspicious/noArrayIndexKey: parts of one row, in order.
							key={index}
							bold={part.tone === 'badge' || part.tone.startsWith('network')}
							dimColor={part.tone === 'dim'}
							color={toneColor(
								theme,
								part.tone === 'play' && isPlaying ? 'ok' : PART_TONE[part.tone],
							)}
						>
							{part.text}
						</Text>
					))}
				</Text>
			)}
			{script.note.map((row) => (
				<Text
					key={`note-${row}`}
					bold
					color={toneColor(theme, prompt?.error ? 'error' : 'info')}
				>
					{row}
				</Text>
			))}
			{script.next.map((row) => (
				<Text key={`next-${row}`} dimColor={demo.scenario.next === null}>
					{row}
				</Text>
			))}
			<Strip lang={lang} demo={demo} width={width} />
		</Box>
	);
}

/**
 * The prompt, its field, and the keys it takes when they fit whole: the footer says them too,
 * so a hint cut to "Enter apply · Esc canc…" (the clock prompt at 80 columns) is left out.
 */
function PromptRow({
	label,
	field,
	hint,
	width,
	fieldWidth,
}: {
	label: string;
	field: TextFieldState;
	hint: string;
	width: number;
	fieldWidth: number;
}) {
	const theme = useTheme();
	const prompt = `${truncate(label, Math.max(0, width - fieldWidth - 1))} `;
	const room = width - textWidth(prompt) - fieldWidth;
	return (
		<Text>
			<Text bold color={toneColor(theme, 'info')}>
				{prompt}
			</Text>
			<TextFieldView state={field} width={fieldWidth} isFocused />
			{textWidth(`  ${hint}`) <= room ? (
				<Text dimColor>{`  ${hint}`}</Text>
			) : null}
		</Text>
	);
}

/** The timeline: runs of cells drawn alike (state, mark, past or future), so few texts. */
function Strip({
	lang,
	demo,
	width,
}: {
	lang: Lang;
	demo: DemoView;
	width: number;
}) {
	const theme = useTheme();
	const label = t(lang, 'ui.demo.timeline');
	const room = Math.max(0, width - textWidth(label) - 1);
	const {cells, todayIndex} = timelineCells(demo.timeline, demo.future, room);
	type Run = {key: string; text: string; tone: Tone; isFuture: boolean};
	const runs: Run[] = [];
	cells.forEach((cell, index) => {
		const glyph = cell.isChange ? '◆' : STATE_GLYPH[cell.state];
		const tone = STATE_TONE[cell.state];
		const last = runs.at(-1);
		if (last && last.tone === tone && last.isFuture === cell.isFuture)
			last.text += glyph;
		else
			runs.push({
				key: `day-${cell.day}`,
				text: glyph,
				tone,
				isFuture: cell.isFuture,
			});
		if (index === todayIndex && index < cells.length - 1)
			runs.push({key: 'today', text: '┊', tone: 'info', isFuture: false});
	});
	return (
		<Text aria-hidden>
			<Text dimColor>{label} </Text>
			{runs.map((run) => (
				<Text
					key={run.key}
					dimColor={run.isFuture}
					color={toneColor(theme, run.tone)}
				>
					{run.text}
				</Text>
			))}
		</Text>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const SimBarView = memo(SimBarViewPlain);
