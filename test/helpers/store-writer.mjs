// A MyQ server process that keeps saving: used by the crash-safety and concurrency tests.
// Saves one at a time through the real runtime (each Save waits for the disk) and prints
// "saved N WHAT" after each, so the parent knows what was acknowledged. `keys` adds a license key
// a save (at most MAX_KEYS_PER_ACTIVATION wait at once); `customer` saves the customer form with
// the company "Acme N", N one more each save, as often as asked.
// Usage: node store-writer.mjs STORE_URL COUNT [keys|customer]
import {randomBytes} from 'node:crypto';
import {createNamedProbe} from '../../dist/source/adapters/hardware-probe.js';
import {openStore} from '../../dist/source/adapters/keyv-store.js';
import {createSystemClock} from '../../dist/source/adapters/system-clock.js';
import {mintKey} from '../../dist/source/engine/keys.js';
import {createRuntime} from '../../dist/source/runtime/runtime.js';

const [storeUrl, countText, mode = 'keys'] = process.argv.slice(2);
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
const form = (company) => ({
	company,
	person: 'Jane Roe',
	address: 'x',
	country: 'FR',
	email: 'a@b.test',
});
if (!runtime.snapshot().state.customer) {
	await runtime.save(form('Acme'), '');
}
// `customer` counts on from the number the store holds, so a save of an earlier run is never
// taken for one of this run.
const stored = /^Acme (\d+)$/.exec(runtime.snapshot().state.customer.company);
const first = stored ? Number(stored[1]) + 1 : 1;
for (let index = 0; index < Number(countText); index++) {
	if (mode === 'customer') {
		const company = `Acme ${first + index}`;
		const outcome = await runtime.save(form(company), '');
		if (!outcome.ok) {
			console.error('save failed', JSON.stringify(outcome));
			process.exit(1);
		}
		console.log(`saved ${first + index} ${company.replace(' ', '-')}`);
		continue;
	}
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
