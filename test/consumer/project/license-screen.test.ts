// The README's example: a snapshot of Settings > License, as a project that installed
// myq-license writes it (test/consumer.test.ts runs it against the packed tarball).
import {cleanup, renderAtDay} from 'myq-license/testing';
import {afterEach, expect, it} from 'vitest';

afterEach(cleanup);

it('Settings > License on day 355, ten days before the subscription expires, in French at 80×24', async () => {
	const instance = await renderAtDay(
		new URL('./fixtures/yearly-subscription.yaml', import.meta.url),
		355,
		{columns: 80, rows: 24, lang: 'fr', screen: 'settings-license'},
	);
	expect(instance.lastFrame()).toMatchSnapshot();
});
