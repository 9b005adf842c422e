import React from 'react';
import {render} from 'ink-testing-library';
import SelectInput from 'ink-select-input';
const items = ['a', 'b', 'c', 'd'].map((v) => ({label: v, value: v}));
const tick = () => new Promise((r) => setTimeout(r, 30));
async function run(name: string, chunks: string[]) {
	let selected = '';
	const app = render(<SelectInput items={items} onSelect={(i) => { selected = i.value; }} />);
	await tick();
	for (const chunk of chunks) { app.stdin.write(chunk); await tick(); }
	console.log(`--- ${name}: selected=${selected}`);
	console.log(app.lastFrame());
	app.unmount();
}
await run('j then j, two events', ['j', 'j']);
await run('"jj" in one chunk (typeahead over SSH)', ['jj']);
await run('"j\\r" in one chunk', ['j\r']);
await run('"3" then Enter', ['3']);
