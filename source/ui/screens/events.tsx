/** The engine's event log, newest first, scrollable; the selected event in full below. */
import {Box, Text} from 'ink';
import type {LogEntry} from '../../engine/types.js';
import {t} from '../../i18n/index.js';
import {
	type ListState,
	ScrollList,
	visibleRange,
} from '../components/scroll-list/index.js';
import {eventLabel} from '../event-label.js';
import {
	formatIsoDateTime,
	maskKeysIn,
	padTo,
	textWidth,
	truncate,
	wrapLines,
} from '../format.js';
import {eventListHeight} from '../layout.js';
import {type Tone, toneColor, useTheme} from '../theme.js';
import type {ScreenProps} from './screen-props.js';

type Props = ScreenProps<ListState>;

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

export function EventsScreen({
	lang,
	width,
	height,
	view,
	state,
	isActive,
}: Props) {
	const theme = useTheme();
	const events = eventsNewestFirst(view.snapshot.state.log);
	const listHeight = eventListHeight(height);
	const typeWidth = Math.min(
		24,
		Math.max(
			...events.map((entry) => textWidth(eventLabel(entry.type, lang))),
			8,
		),
	);
	const detailWidth = Math.max(0, width - TIME_WIDTH - typeWidth - 4);
	const {selected} = visibleRange(state, listHeight, events.length);
	const current = events[selected];
	const detail = current
		? wrapLines(
				t(lang, 'ui.label', {
					label: eventLabel(current.type, lang),
					value: maskKeysIn(current.detail),
				}),
				width - 2,
				2,
			)
		: [];
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>
				{t(lang, 'ui.events.title')}{' '}
				<Text dimColor>
					({t(lang, 'ui.events.count', {count: events.length})})
				</Text>
			</Text>
			<ScrollList
				items={events}
				state={state}
				height={listHeight}
				isFocused={isActive}
				empty={t(lang, 'ui.events.none')}
				renderRow={(entry, _index, isSelected) => (
					<Text inverse={isSelected && theme.isColor}>
						{isSelected ? '›' : ' '}{' '}
						<Text dimColor>
							{padTo(formatIsoDateTime(entry.at, theme.timeZone), TIME_WIDTH)}
						</Text>{' '}
						<Text color={toneColor(theme, eventTone(entry))}>
							{padTo(eventLabel(entry.type, lang), typeWidth)}
						</Text>{' '}
						{truncate(maskKeysIn(entry.detail), detailWidth)}
					</Text>
				)}
			/>
			<Text> </Text>
			{[0, 1].map((index) => (
				<Text key={index} dimColor>
					{truncate(detail[index] ? ` ${detail[index]}` : ' ', width)}
				</Text>
			))}
		</Box>
	);
}
