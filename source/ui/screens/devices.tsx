/**
 * Printing devices (R7): activated up to capacity; past it, the most recently activated are
 * unlicensed (kept, marked) until capacity returns. `a` activates one more, Del deactivates the
 * selected one once confirmed (issue 12, point 8); `/` filters the list.
 */
import {Box, Text} from 'ink';
import {DEVICE_NAME_MAX} from '../../engine/devices.js';
import type {DeviceView} from '../../engine/evaluate.js';
import {safeText} from '../../engine/safe-text.js';
import {type Lang, t} from '../../i18n/index.js';
import {Blank} from '../components/blank/index.js';
import {
	FilterLine,
	isFiltering,
	matchingRows,
} from '../components/filter/index.js';
import {ScrollList} from '../components/scroll-list/index.js';
import {formatDateTime, padTo, textWidth, wrapText} from '../format.js';
import {toneColor, useTheme} from '../theme.js';
import type {ListView} from './list-view.js';
import type {ScreenProps} from './screen-props.js';

type Props = ScreenProps<ListView>;

/** What `/` searches in a device: its id and whether it is licensed. */
export function deviceSearchText(device: DeviceView, lang: Lang): string {
	return `${device.id} ${t(lang, device.licensed ? 'ui.devices.licensed' : 'ui.devices.unlicensed')}`;
}

export function shownDevices(
	devices: readonly DeviceView[],
	state: ListView,
	lang: Lang,
): DeviceView[] {
	return matchingRows(
		devices.map((device) => deviceSearchText(device, lang)),
		state.filter,
	).map((index) => devices[index]!);
}

/** Rows of the list: the screen less its title, summary, filter, and the hint below. */
export function deviceListHeight(
	height: number,
	state: ListView,
	hintRows: number,
): number {
	return Math.max(
		1,
		height - 3 - (isFiltering(state.filter) ? 1 : 0) - hintRows,
	);
}

export function deviceHint(lang: Lang, width: number): string[] {
	return wrapText(t(lang, 'ui.devices.hint'), width);
}

export function DevicesScreen(props: Props) {
	const {lang, width, height, view, state, isActive} = props;
	const theme = useTheme();
	const {devices, capacity} = view.snapshot.evaluation;
	const shown = shownDevices(devices.list, state, lang);
	const free = Math.max(0, capacity - devices.activated);
	const unlicensed = devices.activated - devices.licensed;
	// A stored name is outside text: shown made visible and bounded (issue 10 point 7).
	const shownName = (id: string) => safeText(id, DEVICE_NAME_MAX);
	const idWidth = Math.max(
		12,
		...shown.map((device) => textWidth(shownName(device.id))),
	);
	const hint = deviceHint(lang, width);
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{t(lang, 'ui.devices.title')}</Text>
			<Text>
				{t(lang, 'ui.devices.summary', {
					capacity,
					activated: devices.activated,
					free,
				})}
				{unlicensed > 0 ? (
					<Text color={toneColor(theme, 'warn')}>
						{' '}
						· {t(lang, 'ui.home.unlicensed-devices', {count: unlicensed})}
					</Text>
				) : null}
			</Text>
			<FilterLine
				state={state.filter}
				width={width}
				lang={lang}
				count={shown.length}
				total={devices.list.length}
			/>
			<ScrollList
				items={shown}
				state={state.list}
				height={deviceListHeight(height, state, hint.length)}
				isFocused={isActive}
				empty={t(
					lang,
					isFiltering(state.filter) ? 'ui.filter.none' : 'ui.devices.none',
				)}
				renderRow={(device, _index, isSelected) => (
					<Text inverse={isSelected && theme.isColor}>
						{isSelected ? '›' : ' '} {padTo(shownName(device.id), idWidth)}{' '}
						<Text dimColor>
							{t(lang, 'ui.devices.activated-at', {
								date: formatDateTime(device.activatedAt, lang, theme.timeZone),
							})}
						</Text>{' '}
						{device.licensed ? (
							<Text color={toneColor(theme, 'ok')}>
								{t(lang, 'ui.devices.licensed')}
							</Text>
						) : (
							<Text bold color={toneColor(theme, 'error')}>
								{t(lang, 'ui.devices.unlicensed')}
							</Text>
						)}
					</Text>
				)}
			/>
			<Blank />
			{hint.map((line) => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}
