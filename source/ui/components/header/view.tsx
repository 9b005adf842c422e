import {Box, Text} from 'ink';
import {memo} from 'react';
import type {OperationalState} from '../../../engine/types.js';
import {type Lang, t} from '../../../i18n/index.js';
import type {ScreenId} from '../../app-state.js';
import {SCREENS} from '../../app-state.js';
import {formatDateTime, textWidth, truncate} from '../../format.js';
import {capsOf} from '../../keymap.js';
import {STATE_TONE, toneColor, useTheme} from '../../theme.js';
import {Decoration} from '../blank/index.js';

const SCREEN_LABEL = {
	home: 'ui.home',
	settings: 'ui.settings-license',
	devices: 'ui.devices',
	events: 'ui.events',
} as const;

type Props = {
	lang: Lang;
	width: number;
	now: number;
	state: OperationalState;
	screen: ScreenId;
	/** The demo's scenario name; null on the real engine. */
	demoName: string | null;
};

/** Two rows: the product, the date and the state; then the screens, the current one marked. */
function HeaderViewPlain({lang, width, now, state, screen, demoName}: Props) {
	const theme = useTheme();
	const right = `${formatDateTime(now, lang, theme.timeZone)}  ● ${t(lang, `state.${state}`)}`;
	const product = t(lang, 'ui.product');
	const demo =
		demoName === null
			? ''
			: `  ${t(lang, 'ui.label', {label: t(lang, 'ui.demo.badge'), value: demoName})}`;
	const leftRoom = Math.max(0, width - textWidth(right) - 2);
	const left = truncate(`${product}${demo}`, leftRoom);
	const productShown = left.slice(0, Math.min(left.length, product.length));
	const rest = left.slice(productShown.length);
	const gap = Math.max(1, width - textWidth(left) - textWidth(right) - 1);
	// Each screen with its key (the keymap's `1`..`4`).
	const tabs = SCREENS.map((id) => ({
		id,
		label:
			id === 'settings' && screen === 'manual'
				? `${capsOf(id, lang)} ${t(lang, SCREEN_LABEL[id])} › ${t(lang, 'ui.manual-activation')}`
				: `${capsOf(id, lang)} ${t(lang, SCREEN_LABEL[id])}`,
	}));
	return (
		<Box flexDirection="column" width={width}>
			<Text>
				<Text bold color={toneColor(theme, 'accent')}>
					{productShown}
				</Text>
				<Text color={toneColor(theme, 'tamper')}>{rest}</Text>{' '}
				<Decoration>{' '.repeat(gap - 1)}</Decoration>
				<Text>{`${formatDateTime(now, lang, theme.timeZone)}  `}</Text>
				<Text bold color={toneColor(theme, STATE_TONE[state])}>
					● {t(lang, `state.${state}`)}
				</Text>
			</Text>
			<Text wrap="truncate">
				{tabs.map((tab) => {
					const isActive =
						tab.id === screen || (tab.id === 'settings' && screen === 'manual');
					const text =
						isActive && !theme.isColor ? `[${tab.label}]` : ` ${tab.label} `;
					return (
						<Text
							key={tab.id}
							inverse={isActive && theme.isColor}
							bold={isActive}
							dimColor={!isActive}
						>
							{text}
						</Text>
					);
				})}
				<Text
					dimColor
				>{`  ${capsOf('help', lang)} ${t(lang, 'ui.help')}`}</Text>
			</Text>
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const HeaderView = memo(HeaderViewPlain);
