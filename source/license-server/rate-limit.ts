/**
 * Sliding-window counters for the vendor's activation limits (issue 6: activate/deactivate
 * churn). Every activation rebinds an installation's licenses to the fingerprint it sends (R8),
 * so a key or an installation activated again and again from many machines is a copied
 * installation taking turns with one license. A genuine admin activates a handful of times.
 *
 * Kept in memory on purpose: a restart forgets the counts, which costs at most one more window
 * of churn, and nothing has to be written for each request. Time comes only from the caller.
 */

export type RateLimit = {
	/** The most hits allowed within one window. */
	limit: number;
	/** The window's length, in ms. */
	windowMs: number;
};

export type RateVerdict =
	| {ok: true}
	| {ok: false; retryAt: number; count: number};

export type RateCounter = {
	/** Whether one more hit on `id` at `at` stays within the limit (counts nothing). */
	check(id: string, at: number): RateVerdict;
	/** Counts one hit on `id` at `at`. */
	hit(id: string, at: number): void;
	/** How many ids are tracked (for tests of the memory bound). */
	size(): number;
};

export function createRateCounter({limit, windowMs}: RateLimit): RateCounter {
	const hits = new Map<string, number[]>();
	let sweepAt = Number.NEGATIVE_INFINITY;

	/** The hits of `id` still inside the window ending at `at`, pruned in place. */
	function recent(id: string, at: number): number[] {
		const list = hits.get(id);
		if (list === undefined) return [];
		const fresh = list.filter((time) => time > at - windowMs);
		if (fresh.length === 0) hits.delete(id);
		else if (fresh.length !== list.length) hits.set(id, fresh);
		return fresh;
	}

	/** Forgets ids with no hit left in the window: memory stays bounded by one window's traffic. */
	function sweep(at: number) {
		if (at < sweepAt) return;
		sweepAt = at + windowMs;
		for (const id of [...hits.keys()]) recent(id, at);
	}

	return {
		check(id, at) {
			const list = recent(id, at);
			if (list.length < limit) return {ok: true};
			// The hit that must leave the window before one more fits.
			const oldest = list[list.length - limit] ?? at;
			return {ok: false, retryAt: oldest + windowMs, count: list.length};
		},
		hit(id, at) {
			sweep(at);
			const list = recent(id, at);
			hits.set(id, [...list, at]);
		},
		size: () => hits.size,
	};
}
