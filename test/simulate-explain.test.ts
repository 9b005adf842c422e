/**
 * `simulate FILE --explain DAY` (issue 15): each banner and license status with the rule and the
 * facts behind it, read from the engine's own evaluation, on a day of each banner, in en and fr.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {type ExplainDocument, explainDay} from '../simulator/explain.js';
import {runScenario} from '../simulator/runner.js';
import {loadScenario} from '../simulator/scenario/index.js';
import type {Lang} from '../source/i18n/lang.js';
import {runCli} from './helpers/cli-process.js';

const SCENARIO = 'fixtures/scenarios/every-banner.yaml';

/** Every day of the scenario, explained, in each language. */
const explained: Record<Lang, ExplainDocument[]> = {en: [], fr: []};

beforeAll(async () => {
	const scenario = await loadScenario(SCENARIO);
	for (const lang of ['en', 'fr'] as const) {
		await runScenario(scenario, {
			lang,
			onDay(sample, day) {
				explained[lang].push(
					explainDay(scenario.name, sample, day.explain(), day.nameOf, lang),
				);
			},
		});
	}
}, 60_000);

const banner = (lang: Lang, day: number, id: string) => {
	const found = explained[lang][day]!.banners.find((item) => item.id === id);
	if (!found) throw new Error(`no ${id} on day ${day}`);
	return found;
};
const license = (lang: Lang, day: number, key: string) =>
	explained[lang][day]!.licenses.find((item) => item.key === key)!;

describe('--explain: a day of each banner, the rule and its facts, in en and fr', () => {
	it('R10 subscription-expiring (day 20)', () => {
		expect(banner('en', 20, 'subscription-expiring')).toMatchObject({
			days: 10,
			rule: 'R10',
			facts: {license: 'S10', expiresAt: '2027-02-03T09:00:00.000Z', days: 10},
			explanation:
				'R10: subscription S10 expires 2027-02-03 and does not renew automatically: 10 day(s)',
		});
		expect(banner('fr', 20, 'subscription-expiring').explanation).toBe(
			"R10 : abonnement S10 expire le 2027-02-03 et n'est pas renouvelé automatiquement : 10 jour(s)",
		);
	});

	it('R12 server-unreachable before the expiry (day 22): last contact, expiry, grace + days to it', () => {
		expect(banner('en', 22, 'server-unreachable')).toMatchObject({
			days: 18,
			rule: 'R12',
			facts: {
				lastSuccessAt: '2027-01-25T09:00:00.000Z',
				unreachableSince: '2027-01-26T09:00:00.000Z',
				license: 'S10',
				expiresAt: '2027-02-03T09:00:00.000Z',
				grace: 10,
				toExpiry: 8,
				days: 18,
			},
			explanation:
				'R12: last successful contact 2027-01-25, unreachable since 2027-01-26, subscription S10 expires 2027-02-03, 10 + 8 = 18 days',
		});
		expect(banner('fr', 22, 'server-unreachable').explanation).toBe(
			'R12 : dernier contact réussi 2027-01-25, injoignable depuis le 2027-01-26, abonnement S10 expire le 2027-02-03, 10 + 8 = 18 jours',
		);
	});

	it('R12 server-unreachable past the expiry (day 35), and the license in offline grace', () => {
		expect(banner('en', 35, 'server-unreachable').explanation).toBe(
			'R12: last successful contact 2027-01-25, unreachable since 2027-01-26, subscription S10 expired 2027-02-03, 10 - 5 = 5 days',
		);
		expect(license('en', 35, 'S10')).toMatchObject({
			status: 'offline-grace',
			rule: 'R12',
			facts: {graceEndsAt: '2027-02-13T09:00:00.000Z', days: 5},
		});
		expect(license('fr', 35, 'S10').explanation).toBe(
			"R12 : expiré le 2027-02-03, aucun contact réussi depuis (dernier : 2027-01-25) : compte jusqu'au 2027-02-13, 5 jour(s) restant(s)",
		);
	});

	it('R13 server-stopped (day 40)', () => {
		expect(banner('en', 40, 'server-stopped')).toMatchObject({
			rule: 'R13',
			explanation:
				'R13: subscription S10 expired 2027-02-03, no successful contact in the 10 days after (last 2027-01-25): nothing counts since 2027-02-13',
		});
		expect(license('en', 40, 'S10')).toMatchObject({
			status: 'expired',
			rule: 'R13',
		});
		expect(banner('fr', 40, 'server-stopped').explanation).toBe(
			'R13 : abonnement S10 expiré le 2027-02-03, aucun contact réussi dans les 10 jours suivants (dernier : 2027-01-25) : plus rien ne compte depuis le 2027-02-13',
		);
	});

	it('R11 license-problem (day 42): reached after the expiry, not extended', () => {
		expect(banner('en', 42, 'license-problem')).toMatchObject({
			rule: 'R11',
			explanation: 'R11: none of the 1 license(s) counts any more',
		});
		expect(license('en', 42, 'S10').explanation).toBe(
			'R11: expired 2027-02-03; the license server, reached since (last successful contact 2027-02-15), did not extend it',
		);
		expect(banner('fr', 42, 'license-problem').explanation).toBe(
			'R11 : aucune des 1 licence(s) ne compte plus',
		);
	});

	it('R15 clock-tampered (day 50): when, and how far back', () => {
		expect(banner('en', 50, 'clock-tampered')).toMatchObject({
			rule: 'R15',
			facts: {tamperedAt: '2027-02-23T07:00:00.000Z', behind: 120},
			explanation:
				'R15: clock set back 2027-02-23, 120 minute(s) behind the latest time seen (2027-02-23); a successful contact confirms the time',
		});
		expect(license('en', 50, 'S10')).toMatchObject({
			status: 'invalid',
			rule: 'R15',
		});
		expect(license('en', 50, 'P2')).toMatchObject({
			status: 'active',
			rule: 'R4',
		});
		expect(banner('fr', 50, 'clock-tampered').explanation).toBe(
			"R15 : horloge reculée le 2027-02-23, 120 minute(s) avant l'heure la plus tardive vue (2027-02-23) ; un contact réussi confirme l'heure",
		);
	});

	it('R8 hardware-changed (day 60), and both licenses in hardware grace', () => {
		expect(banner('en', 60, 'hardware-changed')).toMatchObject({
			days: 7,
			rule: 'R8',
			explanation:
				'R8: other hardware seen 2027-03-05, 7 days to reactivate, until 2027-03-12: 7 day(s)',
		});
		for (const key of ['S10', 'P2']) {
			expect(license('en', 60, key)).toMatchObject({
				status: 'hardware-grace',
				rule: 'R8',
			});
		}
		expect(banner('fr', 60, 'hardware-changed').explanation).toBe(
			"R8 : autre matériel vu le 2027-03-05, 7 jours pour réactiver, jusqu'au 2027-03-12 : 7 jour(s)",
		);
	});

	it('the state, the capacity (R6: the sum) and the devices (R7)', () => {
		expect(explained.en[45]!.why.capacity.explanation).toBe(
			'R6: the devices of every license that counts: 10 + 2 = 12',
		);
		expect(explained.fr[45]!.why.capacity.explanation).toBe(
			'R6 : les appareils de chaque licence qui compte : 10 + 2 = 12',
		);
		expect(explained.en[40]!.why.state.code).toBe('state-stopped');
	});

	it('every day: each banner is explained, and its day count is the one the engine gave it', () => {
		for (const lang of ['en', 'fr'] as const) {
			for (const day of explained[lang]) {
				for (const shown of day.banners) {
					expect(shown.rule).toMatch(/^R\d+$/);
					if (shown.days !== undefined) {
						expect(shown.facts.days).toBe(shown.days);
					}
				}
				for (const row of day.licenses) {
					expect(row.explanation).toMatch(/^(R\d+|§\d) ?: /);
				}
			}
		}
	});
});

describe('simulate --explain through the CLI', () => {
	const simulate = (args: string[]) =>
		runCli(['simulate', SCENARIO, ...args], {env: {NO_COLOR: '1'}});

	it('prints the banner, its rule and the license statuses; --json gives the same as data', async () => {
		const text = await simulate(['--explain', '22']);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain(
			'! The MyQ server cannot connect to the license server, the subscription cannot be extended and all services will stop in 18 days.',
		);
		expect(text.stdout).toContain(
			'R12: last successful contact 2027-01-25, unreachable since 2027-01-26, subscription S10 expires 2027-02-03, 10 + 8 = 18 days',
		);
		expect(text.stdout).toMatch(
			/S10 {2}Active {2}R9: subscription, expires 2027-02-03/,
		);
		const json = await simulate(['--explain', '22', '--json', '--lang', 'fr']);
		const document = JSON.parse(json.stdout);
		expect(document).toMatchObject({day: 22, state: 'warning', lang: 'fr'});
		expect(document.banners.map((item: {rule: string}) => item.rule)).toEqual([
			'R12',
			'R10',
		]);
		expect(document.banners[0].explanation).toMatch(/^R12 : dernier contact/);
	});

	it('a day past the end, or not a day, is bad input (exit 2)', async () => {
		const past = await simulate(['--explain', '71']);
		expect(past.code).toBe(2);
		expect(past.stderr).toMatch(/--explain 71: the scenario ends on day 70/);
		expect((await simulate(['--explain', '1.5'])).code).toBe(2);
	});
});
