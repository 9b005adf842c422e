import {Text} from 'ink';
import {toneColor, useTheme} from '../../theme.js';
import {type ButtonSpec, buttonText} from './layout.js';

/** One row of buttons; the focused one inverse (colour) or marked `[»…«]` (no colour). */
export function ButtonRowView<Id extends string>({
	buttons,
	focused,
}: {
	buttons: readonly ButtonSpec<Id>[];
	focused: Id | null;
}) {
	const theme = useTheme();
	return (
		<Text>
			{buttons.map((button, index) => {
				const isFocused = button.id === focused;
				return (
					<Text key={button.id}>
						{index > 0 ? ' ' : ''}
						<Text
							inverse={isFocused && theme.isColor}
							bold={isFocused}
							color={isFocused ? toneColor(theme, 'info') : undefined}
						>
							{buttonText(button.label, isFocused, theme.isColor)}
						</Text>
					</Text>
				);
			})}
		</Text>
	);
}
