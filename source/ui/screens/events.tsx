/**
 * The engine's event log, newest first: a list to scroll (↑↓ j k, g G, PgUp PgDn) and to filter
 * (`/`, n N, Esc), the selected event whole below it (issue 12, points 3 and 7).
 */
import {Box, Text} from 'ink';
import type {LogEntry} from '../../engine/types.js';
import {type Lang, t} from '../../i18n/index.js';
import {Blank} from '../components/blank/index.js';
import {
	FilterLine,
	isFiltering,
	matchingRows,
} from '../components/filter/index.js';
import {ScrollList, visibleRange} from '../components/scroll-list/index.js';
import {eventLabel, eventSentence} from '../event-label.js';
import {formatIsoDateTime, padTo, truncate, wrapText} from '../format.js';
import {type Tone, toneColor, useTheme} from '../theme.js';
import type {ListView} from './list-view.js';
import type {ScreenProps} from './screen-props.js';

type Props = ScreenProps<ListView>;

const TIME_WIDTH = 16;

function eventTone(entry: LogEntry): Tone | null {
	if (
		/refused|failed|rejected|expired|revoked|tampered|changed$/.test(entry.type)
	)
		return 'warn';
	if (/activated|succeeded|restored|confirmed|reactivated/.test(entry.type))
		return 'ok';
	return null;
}

/** The log newest first (the engine keeps it oldest first). */
export function eventsNewestFirst(log: readonly LogEntry[]): LogEntry[] {
	return [...log].reverse();
}

/** What `/` searches in an event: its time, its kind and its sentence. */
export function eventSearchText(entry: LogEntry, lang: Lang): string {
	return `${formatIsoDateTime(entry.at, 'UTC')} ${eventLabel(entry.type, lang)} ${eventSentence(entry, lang)}`;
}

/** The events the list shows: those the filter keeps, newest first. */
export function shownEvents(
	log: readonly LogEntry[],
	state: ListView,
	lang: Lang,
): LogEntry[] {
	const events = eventsNewestFirst(log);
	return matchingRows(
		events.map((entry) => eventSearchText(entry, lang)),
		state.filter,
	).map((index) => events[index]!);
}

/** The selected event in full, under the list: as many rows as it needs. */
export function eventDetail(
	events: readonly LogEntry[],
	state: ListView,
	width: number,
	height: number,
	lang: Lang,
): string[] {
	const {selected} = visibleRange(state.list, height, events.length);
	const current = events[selected];
	return current ? wrapText(eventSentence(current, lang), width - 1) : [];
}

/** Rows of the list: the screen less its title, filter, blank and the detail. */
export function eventListHeight(
	height: number,
	state: ListView,
	detailRows: number,
): number {
	return Math.max(
		1,
		height - 2 - (isFiltering(state.filter) ? 1 : 0) - Math.max(1, detailRows),
	);
}

export function EventsScreen({
	lang,
	width,
	height,
	view,
	state,
	isActive,
}: Props) {
	const theme = useTheme();
	const all = view.snapshot.state.log;
	const events = shownEvents(all, state, lang);
	// The detail is as tall as the selected event needs; the list gets the rest.
	const detail = eventDetail(events, state, width, height, lang);
	const shownDetail = detail.slice(0, Math.max(1, height - 4));
	const listHeight = eventListHeight(height, state, shownDetail.length);
	const textWidth = Math.max(0, width - TIME_WIDTH - 4);
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>
				{t(lang, 'ui.events.title')}{' '}
				<Text dimColor>({eventCount(lang, all.length)})</Text>
			</Text>
			<FilterLine
				state={state.filter}
				width={width}
				lang={lang}
				count={events.length}
				total={all.length}
			/>
			<ScrollList
				items={events}
				state={state.list}
				height={listHeight}
				isFocused={isActive}
				empty={t(
					lang,
					isFiltering(state.filter) ? 'ui.filter.none' : 'ui.events.none',
				)}
				renderRow={(entry, _index, isSelected) => (
					<Text inverse={isSelected && theme.isColor}>
						{isSelected ? '›' : ' '}{' '}
						<Text dimColor>
							{padTo(formatIsoDateTime(entry.at, theme.timeZone), TIME_WIDTH)}
						</Text>{' '}
						<Text color={toneColor(theme, eventTone(entry))}>
							{truncate(eventSentence(entry, lang), textWidth)}
						</Text>
					</Text>
				)}
			/>
			<Blank />
			{shownDetail.length === 0 ? <Blank /> : null}
			{shownDetail.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: rows of one text, in order.
				<Text key={index} dimColor>
					{' '}
					{line}
				</Text>
			))}
		</Box>
	);
}

/** How many events the log holds, as the screen's title says it: "1 event", "3 events". */
export function eventCount(lang: Lang, count: number): string {
	return count === 1
		? t(lang, 'ui.events.count-one')
		: t(lang, 'ui.events.count', {count});
}
