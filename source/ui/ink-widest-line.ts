/**
 * widest-line 6 (Ink 6.8 measures every text of every frame with it), its widths kept across
 * frames: what the shipped bundle gives Ink in its place (scripts/bundle.mjs). A line with a
 * character outside printable ASCII (↻, —, ›, ·) goes through Intl.Segmenter in string-width,
 * which made this about a tenth of a keystroke's time with 1,000 licenses (issue 16), although
 * the texts are mostly the rows of the frame before. Bounded: cleared when full. A text not seen
 * before is measured by textColumns (string-width's answer, its usual texts sooner).
 */
import {textColumns} from './text-width.js';

/** Texts kept before the cache starts again. */
const LIMIT = 4096;
const widths = new Map<string, number>();

/** The width of the widest line of `text`, as widest-line computes it. */
export default function widestLine(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		width = 0;
		for (const line of text.split('\n')) {
			width = Math.max(width, textColumns(line));
		}
		if (widths.size >= LIMIT) widths.clear();
		widths.set(text, width);
	}
	return width;
}
