/**
 * A function's results kept, at most `limit` of them: when full, the cache starts again (what a
 * frame or a key asks for comes back at once). Used where the dashboard measures or builds the
 * same texts every frame (format.ts textWidth, ink-output.ts).
 */
export function bounded<K, V>(
	limit: number,
	compute: (key: K) => V,
): (key: K) => V {
	const cache = new Map<K, V>();
	return (key) => {
		let value = cache.get(key);
		if (value === undefined) {
			if (cache.size >= limit) cache.clear();
			value = compute(key);
			cache.set(key, value);
		}
		return value;
	};
}
