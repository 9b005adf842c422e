/**
 * Printing devices (R7): activated up to capacity; past it, the most recently activated are
 * unlicensed (kept, marked) until capacity returns. `a` activates one more, Del deactivates the
 * selected one.
 */
import {Box, Text} from 'ink';
import {DEVICE_NAME_MAX} from '../../engine/devices.js';
import {safeText} from '../../engine/safe-text.js';
import {t} from '../../i18n/index.js';
import {type ListState, ScrollList} from '../components/scroll-list/index.js';
import {formatDateTime, padTo, textWidth, truncate} from '../format.js';
import {deviceListHeight} from '../layout.js';
import {toneColor, useTheme} from '../theme.js';
import type {ScreenProps} from './screen-props.js';

type Props = ScreenProps<ListState>;

export function DevicesScreen(props: Props) {
	const {lang, width, height, view, state, isActive} = props;
	const theme = useTheme();
	const {devices, capacity} = view.snapshot.evaluation;
	const free = Math.max(0, capacity - devices.activated);
	const unlicensed = devices.activated - devices.licensed;
	// A stored name is outside text: shown made visible and bounded (issue 10 point 7).
	const shownName = (id: string) => safeText(id, DEVICE_NAME_MAX);
	const idWidth = Math.max(
		12,
		...devices.list.map((device) => textWidth(shownName(device.id))),
	);
	const summary = t(lang, 'ui.devices.summary', {
		capacity,
		activated: devices.activated,
		free,
	});
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{t(lang, 'ui.devices.title')}</Text>
			<Text>
				{summary}
				{unlicensed > 0 ? (
					<Text color={toneColor(theme, 'warn')}>
						{' '}
						· {t(lang, 'ui.home.unlicensed-devices', {count: unlicensed})}
					</Text>
				) : null}
			</Text>
			<ScrollList
				items={devices.list}
				state={state}
				height={deviceListHeight(height)}
				isFocused={isActive}
				empty={t(lang, 'ui.devices.none')}
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
			<Text> </Text>
			<Text dimColor>{truncate(t(lang, 'ui.devices.hint'), width)}</Text>
		</Box>
	);
}
