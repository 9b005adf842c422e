import React, {useState} from 'react';
import {render} from 'ink-testing-library';
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import chalk from 'chalk';

function Field({initial, width}: {initial: string; width?: number}) {
	const [value, setValue] = useState(initial);
	return (
		<Box width={width ?? 40} flexDirection="column">
			<TextInput value={value} onChange={setValue} />
			<Text>value=[{value}]</Text>
		</Box>
	);
}
const tick = () => new Promise((r) => setTimeout(r, 20));
async function run(name: string, initial: string, keys: string[], width?: number) {
	const app = render(<Field initial={initial} width={width} />);
	await tick();
	for (const key of keys) { app.stdin.write(key); await tick(); }
	console.log(`--- ${name}`);
	console.log(app.lastFrame());
	app.unmount();
}
const LEFT = '\u001B[D', RIGHT = '\u001B[C', HOME = '\u001B[H', END = '\u001B[F';
chalk.level = 1;
await run('right past the end, then x y', 'abc', [RIGHT, 'x', 'y']);
await run('left past the start (home by 3 lefts + 1), then x', 'abc', [LEFT, LEFT, LEFT, LEFT, 'x']);
await run('Ctrl+K', 'abc', ['\u000B']);
await run('Ctrl+U', 'abc', ['\u0015']);
await run('Home then x', 'abc', [HOME, 'x']);
await run('90 chars in a 40-column box', 'x'.repeat(90), [], 40);
chalk.level = 0;
await run('NO_COLOR: cursor at the end', 'abc', []);
await run('NO_COLOR: cursor after 2 lefts', 'abc', [LEFT, LEFT]);
