/**
 * The `expect` blocks of an exported scenario: the states the installation recorded
 * (`observed` entries of the history, engine/history.ts), read at each day's instant. A view
 * recorded at some instant holds until the next one, or until the instant the engine said the
 * view would change by itself (`until`), whichever comes first; a day whose instant no recorded
 * view covers gets no expectation. The last day is the state the installation is in now.
 */
import type {HistoryEntry, Observation} from '../../source/engine/history.js';
import {DAY, type LicenseStatus} from '../../source/engine/types.js';
import {COUNTING_BANNERS} from '../scenario/schema.js';
import {type ExportCatalog, nameOf} from './catalog.js';
import type {WorldTimes} from './world-time.js';

/** One `expect` block as the file writes it. */
export type ExpectBlock = {
	day: number;
	state: Observation['state'];
	banners: string[];
	days?: Record<string, number>;
	capacity: number;
	devices: {activated: number; licensed: number; capacity: number};
	licenses?: Record<string, LicenseStatus>;
};

type View = {time: number; until: number | null; observation: Observation};

export function buildExpectations(
	history: readonly HistoryEntry[],
	world: WorldTimes,
	catalog: ExportCatalog,
	options: {
		start: number;
		days: number;
		/** The state now, as the engine evaluates it at the last day's instant. */
		final: Observation;
	},
): ExpectBlock[] {
	const views: View[] = [];
	let licenses: Record<string, LicenseStatus | null> = {};
	history.forEach((entry, index) => {
		const observation =
			entry.code === 'observed'
				? entry.params
				: entry.code === 'summary'
					? entry.params.observed
					: null;
		if (observation === null) return;
		licenses = {...licenses, ...observation.licenses};
		for (const [id, status] of Object.entries(licenses)) {
			if (status === null) delete licenses[id];
		}
		const offset = world.offsets[index] ?? 0;
		views.push({
			time: world.times[index]!,
			until: observation.until === null ? null : observation.until + offset,
			observation: {...observation, licenses},
		});
	});

	const blocks: ExpectBlock[] = [];
	let previous = '';
	let cursor = -1;
	for (let day = 0; day <= options.days; day++) {
		const instant = options.start + day * DAY;
		while (cursor + 1 < views.length && views[cursor + 1]!.time <= instant) {
			cursor++;
		}
		const view = views[cursor];
		const isCovered =
			view !== undefined && (view.until === null || instant < view.until);
		const observation =
			day === options.days
				? isCovered
					? view.observation
					: options.final
				: isCovered
					? view.observation
					: null;
		if (observation === null) {
			previous = '';
			continue;
		}
		const block = blockOf(day, observation, catalog);
		const {day: _day, ...rest} = block;
		const signature = JSON.stringify(rest);
		if (signature !== previous || day === options.days) {
			blocks.push(block);
		}
		previous = signature;
	}
	return blocks;
}

function blockOf(
	day: number,
	observation: Observation,
	catalog: ExportCatalog,
): ExpectBlock {
	const counts: Record<string, number> = {};
	for (const banner of observation.banners) {
		if (banner.days !== undefined && COUNTING_BANNERS.includes(banner.id)) {
			counts[banner.id] = banner.days;
		}
	}
	const statuses: Record<string, LicenseStatus> = {};
	for (const [id, status] of Object.entries(observation.licenses)) {
		const name = nameOf(catalog, id);
		if (name !== null && status !== null) statuses[name] = status;
	}
	return {
		day,
		state: observation.state,
		banners: observation.banners.map((banner) => banner.id),
		...(Object.keys(counts).length > 0 ? {days: counts} : {}),
		capacity: observation.capacity,
		devices: {
			activated: observation.activated,
			licensed: observation.licensed,
			capacity: observation.capacity,
		},
		...(Object.keys(statuses).length > 0 ? {licenses: statuses} : {}),
	};
}
