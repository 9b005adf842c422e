// A MyQ server process that keeps saving: used by the crash-safety and concurrency tests.
// Adds license keys one at a time through the real runtime (each Save waits for the disk) and
// prints "saved N" after each, so the parent knows what was acknowledged.
// Usage: node store-writer.mjs STORE_URL COUNT [TAG]
import {randomBytes} from 'node:crypto';
import {createNamedProbe} from '../../dist/source/adapters/hardware-probe.js';
import {openStore} from '../../dist/source/adapters/keyv-store.js';
import {createSystemClock} from '../../dist/source/adapters/system-clock.js';
import {mintKey} from '../../dist/source/engine/keys.js';
import {createRuntime} from '../../dist/source/runtime/runtime.js';

const [storeUrl, countText] = process.argv.slice(2);
const store = await openStore(storeUrl);
const offline = {
	activate: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
	contact: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
};
const runtime = createRuntime({
	clock: createSystemClock(),
	server: offline,
	hardware: createNamedProbe('server-a'),
	store,
	schedule: false,
	contactOnStart: false,
});
await runtime.start();
if (!runtime.snapshot().state.customer) {
	await runtime.save(
		{
			company: 'Acme',
			person: 'Jane Roe',
			address: 'x',
			country: 'FR',
			email: 'a@b.test',
		},
		'',
	);
}
for (let index = 0; index < Number(countText); index++) {
	const key = mintKey('license', (size) => randomBytes(size));
	const outcome = await runtime.save(null, key);
	if (!outcome.ok || outcome.accepted.length !== 1) {
		console.error('save failed', JSON.stringify(outcome));
		process.exit(1);
	}
	console.log(`saved ${runtime.snapshot().state.pending.length} ${key}`);
}
await runtime.stop();
await store.close();
