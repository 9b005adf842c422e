/**
 * `simulate --report FILE.html` (issue 15): the page a support engineer attaches to a ticket,
 * opened in real headless Chromium. The SVG renders (the state colours are on the screenshot),
 * nothing is fetched but the page itself, its text holds the banner texts of the scenario, and it
 * prints on one A4 landscape page size.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {STATE_COLOR} from '../simulator/report-svg.js';
import {BANNER_ORDER} from '../source/engine/types.js';
import {type Browser, launchChromium} from './helpers/chromium.js';
import {runCli} from './helpers/cli-process.js';
import {countColour, decodePng} from './helpers/png.js';

const SCENARIO = 'fixtures/scenarios/every-banner.yaml';

let directory: string;
let browser: Browser;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-report-'));
	browser = await launchChromium();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await rm(directory, {recursive: true, force: true});
});

/** The report and the simulation's JSON, from the real CLI. */
async function report(lang: 'en' | 'fr') {
	const file = path.join(directory, `report-${lang}.html`);
	const {code, stdout, stderr} = await runCli(
		['simulate', SCENARIO, '--report', file, '--json', '--lang', lang],
		{env: {NO_COLOR: '1'}},
	);
	if (code !== 0) throw new Error(stderr);
	return {file, result: JSON.parse(stdout), stderr};
}

/** Opens `file` in a new tab; what it requested, its text, its picture, its PDF. */
async function open(file: string) {
	const {targetId} = await browser.send<{targetId: string}>(
		'Target.createTarget',
		{url: 'about:blank'},
	);
	const {sessionId} = await browser.send<{sessionId: string}>(
		'Target.attachToTarget',
		{targetId, flatten: true},
	);
	const send = <T = Record<string, unknown>>(
		method: string,
		params: Record<string, unknown> = {},
	) => browser.send<T>(method, params, sessionId);
	await send('Page.enable');
	await send('Network.enable');
	await send('Emulation.setDeviceMetricsOverride', {
		width: 1280,
		height: 900,
		deviceScaleFactor: 1,
		mobile: false,
	});
	const from = browser.events.length;
	const loaded = browser.next('Page.loadEventFired');
	await send('Page.navigate', {url: pathToFileURL(file).href});
	await loaded;
	const evaluate = async <T>(expression: string) =>
		(
			await send<{result: {value: T}}>('Runtime.evaluate', {
				expression,
				returnByValue: true,
			})
		).result.value;
	const text = await evaluate<string>('document.body.innerText');
	const svg = await evaluate<{width: number; height: number; rects: number}>(
		`(() => { const svg = document.querySelector('svg.timeline'); const box = svg.getBoundingClientRect(); return {width: box.width, height: box.height, rects: svg.querySelectorAll('rect').length}; })()`,
	);
	const titles = await evaluate<string[]>(
		`[...document.querySelectorAll('svg title')].map((title) => title.textContent)`,
	);
	const {data: screenshot} = await send<{data: string}>(
		'Page.captureScreenshot',
		{format: 'png', captureBeyondViewport: true},
	);
	const {data: pdf} = await send<{data: string}>('Page.printToPDF', {
		preferCSSPageSize: true,
		printBackground: true,
	});
	const events = browser.events
		.slice(from)
		.filter((event) => event.sessionId === sessionId);
	await browser.send('Target.closeTarget', {targetId});
	return {
		requests: events
			.filter((event) => event.method === 'Network.requestWillBeSent')
			.map((event) => (event.params as {request: {url: string}}).request.url),
		failed: events.filter((event) => event.method === 'Network.loadingFailed'),
		text,
		svg,
		titles,
		screenshot: Buffer.from(screenshot, 'base64'),
		pdf: Buffer.from(pdf, 'base64').toString('latin1'),
	};
}

describe('simulate --report, in headless Chromium', () => {
	it.each(['en', 'fr'] as const)(
		'%s: the SVG renders, nothing is fetched, the text holds every banner text, A4 landscape',
		async (lang) => {
			// Given the report of a scenario that shows every banner
			const {file, result} = await report(lang);
			const html = await readFile(file, 'utf8');
			expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);

			// When it is opened in Chromium
			const page = await open(file);

			// Then only the page itself was requested, and nothing failed
			expect(page.requests).toEqual([pathToFileURL(file).href]);
			expect(page.failed).toEqual([]);
			// The picture is drawn: the timeline is as wide as the page, and its state band shows
			expect(page.svg.width).toBeGreaterThan(900);
			expect(page.svg.rects).toBeGreaterThan(10);
			const image = decodePng(page.screenshot);
			for (const state of ['running', 'warning', 'stopped'] as const) {
				expect(countColour(image, STATE_COLOR[state])).toBeGreaterThan(100);
			}
			// Its text holds the banner texts of the scenario, in the report's language
			const texts = new Set<string>(
				result.days.flatMap((day: {banners: {text: string}[]}) =>
					day.banners.map((banner) => banner.text),
				),
			);
			const shown = [...texts].filter((text) => page.text.includes(text));
			expect(
				new Set(
					result.days.flatMap((day: {banners: {id: string}[]}) =>
						day.banners.map((banner) => banner.id),
					),
				).size,
			).toBe(6);
			for (const id of BANNER_ORDER) {
				const first = result.days
					.flatMap(
						(day: {banners: {id: string; text: string}[]}) => day.banners,
					)
					.find((banner: {id: string}) => banner.id === id);
				expect(page.text).toContain(first.text);
			}
			expect(shown.length).toBeGreaterThanOrEqual(6);
			expect(page.text).toContain(result.scenario);
			expect(page.text).toContain('2027-01-04');
			// The marks say what they are on hover (SVG titles), in the report's language
			expect(page.titles.some((title) => title.includes('R') || title)).toBe(
				true,
			);
			expect(
				page.titles.some((title) =>
					title.includes(lang === 'fr' ? 'jour 21' : 'day 21'),
				),
			).toBe(true);
			// It prints on A4 landscape (842 x 595 points)
			const boxes = [
				...page.pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
			].map((match) => [Number(match[1]), Number(match[2])]);
			expect(boxes.length).toBeGreaterThan(0);
			for (const [width, height] of boxes) {
				expect(Math.round(width!)).toBe(842);
				expect(Math.round(height!)).toBe(595);
			}
			await writeFile(
				path.join(directory, `report-${lang}.png`),
				page.screenshot,
			);
		},
		60_000,
	);

	it('escapes what the scenario says: a name with markup shows as text', async () => {
		const text = (await readFile(SCENARIO, 'utf8')).replace(
			/^name: .*$/m,
			'name: "<img src=x onerror=alert(1)> & co"',
		);
		const scenario = path.join(directory, 'markup.yaml');
		await writeFile(scenario, text);
		const file = path.join(directory, 'markup.html');
		await runCli(['simulate', scenario, '--report', file], {
			env: {NO_COLOR: '1'},
		});
		const html = await readFile(file, 'utf8');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
	});
});
