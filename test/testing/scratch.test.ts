import {expect, it} from 'vitest';
import {cleanup, renderAtDay, KEY} from '../../source/testing/index.js';

it('scratch', async () => {
	const t0 = performance.now();
	const instance = await renderAtDay('fixtures/scenarios/subscription-not-renewed.yaml', 20, {columns: 80, rows: 24});
	console.log(performance.now() - t0);
	console.log(instance.lastFrame());
	console.log(instance.frames.length, instance.stdout.frames.length);
	console.log(await instance.press('2'));
	console.log(await instance.advance({days: 1}));
	console.log(JSON.stringify(instance.state(), null, 1).slice(0, 800));
	console.log(await instance.resize(100, 30));
	await cleanup();
});
