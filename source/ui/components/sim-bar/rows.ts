/**
 * The simulation bar's rows as text (issue 13, point 5: it fits 80 columns, and says in words
 * what the next step does): the simulation's state, the script (the note of the step just done,
 * then the next step), and the timeline. Pure, so the dashboard knows the bar's height before it
 * lays the screen out, and tests read it without rendering.
 */
import type {OperationalState} from '../../../engine/types.js';
import {
	formatMessage,
	formatStep,
	type Lang,
	type MessageId,
	t,
} from '../../../i18n/index.js';
import {
	type DaySample,
	type DemoNote,
	type DemoView,
	isChangeDay,
} from '../../demo-controls.js';
import {textWidth, truncate, wrapText} from '../../format.js';

/** Rows the note of a step takes at most (cut with an ellipsis after). */
export const MAX_NOTE_ROWS = 2;

export type PartTone =
	| 'badge'
	| 'network-ok'
	| 'network-down'
	| 'plain'
	| 'play'
	| 'dim';

/**
 * One piece of the state row, in the forms it takes as room runs out; `shortens` says when it
 * gives up its words (1 first).
 */
type Part = {forms: string[]; tone: PartTone; shortens?: number};

/**
 * The state row: day, network, hardware, the clock when it is off, play, actions recorded
 * ahead. Whole when it fits; else the pieces give up their words one after another (play, what
 * is recorded, the hardware's label, the network's label), never a piece; cut only when even
 * the shortest forms do not fit.
 */
export function stateParts(
	demo: Pick<
		DemoView,
		'day' | 'network' | 'hardware' | 'clockOffset' | 'ahead' | 'busy'
	>,
	lang: Lang,
	isPlaying: boolean,
	width: number,
): {text: string; tone: PartTone}[] {
	const label = (name: MessageId, value: string) =>
		t(lang, 'ui.label', {label: t(lang, name), value});
	const network = t(lang, `ui.network.${demo.network}`);
	const minutes = Math.round(demo.clockOffset / 60_000);
	const parts: Part[] = [
		{
			forms: [
				`${t(lang, 'ui.demo.badge')} · ${t(lang, 'ui.demo.day', {day: demo.day})}`,
			],
			tone: 'badge',
		},
		{
			forms: [label('ui.demo.network', network), network],
			tone: demo.network === 'online' ? 'network-ok' : 'network-down',
			shortens: 4,
		},
		{
			forms: [label('ui.demo.hardware', demo.hardware), demo.hardware],
			tone: 'plain',
			shortens: 3,
		},
	];
	if (minutes !== 0)
		parts.push({
			forms: [
				t(lang, minutes < 0 ? 'ui.demo.clock-behind' : 'ui.demo.clock-ahead', {
					minutes: Math.abs(minutes),
				}),
			],
			tone: 'network-down',
		});
	parts.push({
		forms: isPlaying
			? [`▶ ${t(lang, 'ui.demo.playing')}`, '▶']
			: [`⏸ ${t(lang, 'ui.demo.paused')}`, '⏸'],
		tone: 'play',
		shortens: 1,
	});
	if (demo.ahead > 0)
		parts.push({
			forms: [t(lang, 'ui.demo.ahead', {count: demo.ahead}), `+${demo.ahead}`],
			tone: 'dim',
			shortens: 2,
		});
	if (demo.busy) parts.push({forms: ['…'], tone: 'plain'});
	let shortened = 0;
	const row = () =>
		parts.map((part, index) => ({
			text: `${index === 0 ? '' : ' · '}${
				part.shortens !== undefined && part.shortens <= shortened
					? part.forms.at(-1)
					: part.forms[0]
			}`,
			tone: part.tone,
		}));
	const widthOf = (pieces: {text: string}[]) =>
		textWidth(pieces.map((piece) => piece.text).join(''));
	for (shortened = 0; shortened <= 4; shortened++) {
		if (widthOf(row()) <= width) return row();
	}
	let used = 0;
	return row().map((part) => {
		const text = truncate(part.text, Math.max(0, width - used));
		used += textWidth(text);
		return {text, tone: part.tone};
	});
}

/** A note in the dashboard's language, else in the one it was written in. */
export function noteText(note: DemoNote | null, lang: Lang): string | null {
	if (note === null) return null;
	if (typeof note === 'string') return note;
	return note[lang] ?? note.en ?? note.fr ?? null;
}

/**
 * The script: the note of the step just done (the trainer's words, at most MAX_NOTE_ROWS rows),
 * then what `c` does next, in words, whole (wrapped). While a demo prompt refuses what was
 * typed, its error takes the note's place (the prompt's own row has no room for it at 80
 * columns: it was cut to "Type minutes (61), or 61m, 2…").
 */
export function scriptRows(
	demo: DemoView,
	lang: Lang,
	width: number,
	promptError: string | null = null,
): {note: string[]; next: string[]} {
	const {scenario} = demo;
	const next =
		scenario.next === null
			? t(
					lang,
					scenario.total === 0 ? 'ui.demo.no-steps' : 'ui.demo.steps-done',
					{total: scenario.total},
				)
			: scenario.next.day < demo.day
				? // The trainer went on by hand past the step's day: c does it now, not on its
					// day ("step 2/22, day 0: add the key SUB" stood there at day 49). No longer
					// than the usual row: at 80×24 a row more hides a line of the screen.
					t(lang, 'ui.demo.next-step-late', {
						done: scenario.done + 1,
						total: scenario.total,
						what: formatMessage(lang, scenario.next.what),
					})
				: t(lang, 'ui.demo.next-step', {
						done: scenario.done + 1,
						total: scenario.total,
						step: formatStep(scenario.next, lang),
					});
	const note =
		promptError === null ? noteText(scenario.note, lang) : promptError;
	const noteRows =
		note === null
			? []
			: wrapText(`${promptError === null ? '✎' : '✗'} ${note}`, width);
	const shown = noteRows.slice(0, MAX_NOTE_ROWS);
	if (noteRows.length > MAX_NOTE_ROWS)
		shown[MAX_NOTE_ROWS - 1] = truncate(
			`${shown[MAX_NOTE_ROWS - 1]} ${noteRows.slice(MAX_NOTE_ROWS).join(' ')}`,
			width,
		);
	return {note: shown, next: wrapText(next, width)};
}

/** Rows the bar takes: state (or a prompt), the script, the timeline. */
export function simBarHeight(
	demo: DemoView,
	lang: Lang,
	width: number,
	promptError: string | null = null,
): number {
	const script = scriptRows(demo, lang, width, promptError);
	return 2 + script.note.length + script.next.length;
}

// --- The timeline ---------------------------------------------------------------------------

export type TimelineCell = {
	day: number;
	state: OperationalState;
	/** The state or a banner changed that day (from the day before; day 0: from nothing). */
	isChange: boolean;
	/** A day after today, known from the record (it happens again unless something changes). */
	isFuture: boolean;
};

/**
 * The days the strip shows in `cells` cells: all of them when they fit; else a window that ends
 * a quarter of the strip after today (when the record knows days after it), today always in it.
 * A mark `┊` after today takes one cell when days after it are shown.
 */
export function timelineCells(
	timeline: readonly DaySample[],
	future: readonly DaySample[],
	cells: number,
): {cells: TimelineCell[]; todayIndex: number} {
	const days = [...timeline, ...future];
	const today = timeline.length - 1;
	const all: TimelineCell[] = days.map((sample, day) => ({
		day,
		state: sample.state,
		isChange: isChangeDay(days, day),
		isFuture: day > today,
	}));
	const room = Math.max(1, cells - (future.length > 0 ? 1 : 0));
	if (all.length <= room) return {cells: all, todayIndex: today};
	const after = Math.min(future.length, Math.floor(room / 4));
	const end = Math.max(today + 1 + after, room);
	const start = Math.max(0, end - room);
	return {cells: all.slice(start, end), todayIndex: today - start};
}
