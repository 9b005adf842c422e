/**
 * The page draws only the lines with a row on screen (issue 16, keystroke to frame: Ink laid out
 * and clipped the whole Settings > License form above the 1,000-license table at every key),
 * and the screen shows what it showed: the rows from the offset, a line cut by the top edge
 * included. A screen reader still reads every line of the page.
 */
import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import {PageView, pageGeometry} from '../../source/ui/components/page/index.js';
import {renderScreen} from './render.js';

/** A line of `rows` rows that notes it was drawn. */
function Drawn({
	index,
	rows,
	drawn,
}: {
	index: number;
	rows: number;
	drawn: Set<number>;
}) {
	drawn.add(index);
	return (
		<Text>
			{Array.from({length: rows}, (_, row) => `line ${index}.${row}`).join(
				'\n',
			)}
		</Text>
	);
}

function page(drawn: Set<number>) {
	// 20 lines, every third two rows tall: 27 rows.
	const lines = Array.from({length: 20}, (_, index) => {
		const rows = index % 3 === 0 ? 2 : 1;
		return {
			key: `line-${index}`,
			rows,
			node: <Drawn index={index} rows={rows} drawn={drawn} />,
		};
	});
	// Scrolled to row 9: the second row of line 6 (rows 8 and 9) is the first on screen.
	const geometry = pageGeometry(lines, 8, {offset: 9, follow: false}, null);
	return (
		<PageView
			lines={lines}
			geometry={geometry}
			height={8}
			width={30}
			position={(from, to, total) => `rows ${from}-${to} of ${total}`}
		/>
	);
}

describe('issue 16: the page draws the lines on screen', () => {
	it('page-draws-only-lines-on-screen: the lines off screen are not drawn, the rows shown are the same', () => {
		const drawn = new Set<number>();
		const screen = renderScreen(page(drawn), {columns: 30, rows: 8});
		expect(screen.frame().split('\n')).toEqual([
			'line 6.1',
			'line 7.0',
			'line 8.0',
			'line 9.0',
			'line 9.1',
			'line 10.0',
			'line 11.0',
			'rows 10-16 of 27',
		]);
		expect([...drawn].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11]);
		screen.unmount();
	});

	it('page-reads-every-line-to-a-screen-reader', () => {
		const drawn = new Set<number>();
		const screen = renderScreen(
			page(drawn),
			{columns: 30, rows: 8},
			{isScreenReader: true},
		);
		expect(drawn.size).toBe(20);
		expect(screen.rawFrame()).toContain('line 0.0');
		expect(screen.rawFrame()).toContain('line 19.0');
		screen.unmount();
	});
});
