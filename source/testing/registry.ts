/** The dashboards a test opened and has not disposed of yet: `cleanup()` disposes of them all. */
export type Disposable = {dispose(): Promise<void>};

const open = new Set<Disposable>();

export function track(item: Disposable): () => void {
	open.add(item);
	return () => open.delete(item);
}

/**
 * Disposes of every dashboard `renderAtDay` and `renderDashboard` made and not yet disposed of:
 * unmounts it and stops its simulation or runtime. Call it after each test.
 * @example
 * import {afterEach} from 'vitest';
 * import {cleanup} from 'myq-license/testing';
 *
 * afterEach(cleanup);
 */
export async function cleanup(): Promise<void> {
	const items = [...open];
	open.clear();
	await Promise.all(items.map((item) => item.dispose()));
}
