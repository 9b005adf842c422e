// SPEC §6 from a project that installed myq-license: the subscription-expiring banner (R10) on
// the tenth day before the expiry, in both languages, at 80×24 and at ink-testing-library's
// default size (100 columns; 24 rows then).
import {bannerText} from 'myq-license';
import {cleanup, renderAtDay} from 'myq-license/testing';
import {afterEach, describe, expect, it} from 'vitest';

afterEach(cleanup);

const scenario = new URL(
	'./fixtures/yearly-subscription.yaml',
	import.meta.url,
);

describe.each(['en', 'fr'] as const)('in %s', (lang) => {
	it.each([
		{name: '80×24', size: {columns: 80, rows: 24}, lines: 23, width: 80},
		{name: 'the default size', size: {}, lines: 23, width: 100},
	])(
		'R10 subscription-expiring on day 355 at $name',
		async ({size, lines, width}) => {
			const instance = await renderAtDay(scenario, 355, {...size, lang});
			// The banner's text may wrap over two rows: waitFor reads them joined.
			await instance.waitFor(bannerText('subscription-expiring', lang, 10));
			const rows = instance.lastFrame().split('\n');
			expect(rows).toHaveLength(lines);
			expect(Math.max(...rows.map((row) => row.length))).toBeLessThanOrEqual(
				width,
			);
			expect(instance.state().banners).toEqual([
				{
					id: 'subscription-expiring',
					days: 10,
					text: bannerText('subscription-expiring', lang, 10),
				},
			]);
		},
	);
});
