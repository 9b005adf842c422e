import {Text} from 'ink';

/**
 * An empty row that spaces a screen out. Hidden from Ink's screen-reader mode
 * (INK_SCREEN_READER=true), which reads the screen as plain lines: no blank lines in between
 * (issue 12, point 12).
 */
export function Blank() {
	return <Text aria-hidden> </Text>;
}

/**
 * What only draws (a border, padding that aligns columns): shown on screen, left out of what a
 * screen reader reads.
 */
export function Decoration({
	children,
	color,
}: {
	children: string;
	color?: string | undefined;
}) {
	return (
		<Text aria-hidden color={color}>
			{children}
		</Text>
	);
}
