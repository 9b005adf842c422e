/**
 * What a test reads of a frame: the text as the terminal shows it, without colour unless asked,
 * and with what changes from one run to the next masked the same way every time.
 */
import {stripVTControlCharacters} from 'node:util';

/** A whole key (SPEC §3: five groups of five). */
const KEY_PATTERN = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/g;
/** A license id whose key the table hides (`•••••-•••••-•••••-•••••-7QX2M/1`). */
const HIDDEN_KEY_PATTERN = /((?:•{5}-){4})[0-9A-Z]{1,5}/g;
/** A key cut to its last group where a column is narrow (`…-7QX2M`). */
const CUT_KEY_PATTERN = /…-[0-9A-Z]{5}/g;
/** Installation and request ids (random UUIDs outside the simulator). */
const UUID_PATTERN =
	/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

/**
 * What every key reads as in a frame: one text, of a key's width, so the layout does not move.
 * @example
 * expect(instance.lastFrame()).toContain(MASKED_KEY);
 */
export const MASKED_KEY = 'XXXXX-XXXXX-XXXXX-XXXXX-XXXXX';
/**
 * What an installation or request id (a UUID) reads as in a frame.
 * @example
 * expect(maskFrame('request 0b6d2c3e-5f1a-4b7c-8d9e-0f1a2b3c4d5e')).toBe(`request ${MASKED_ID}`);
 */
export const MASKED_ID = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';

/**
 * Keys and ids masked: minted keys depend on the scenario's name and start, ids are random on
 * real ports; a snapshot must not change with either.
 * @example
 * maskFrame('Key N7QX2-ABCDE-FGHJK-MNPQR-STVW0 added'); // 'Key XXXXX-XXXXX-XXXXX-XXXXX-XXXXX added'
 */
export function maskFrame(frame: string): string {
	return frame
		.replace(KEY_PATTERN, MASKED_KEY)
		.replace(HIDDEN_KEY_PATTERN, '$1XXXXX')
		.replace(CUT_KEY_PATTERN, '…-XXXXX')
		.replace(UUID_PATTERN, MASKED_ID);
}

/**
 * A frame as a test reads it: colour and other terminal codes left out unless kept, and then
 * the spaces they styled at the end of a row too (a field's cursor is an inverse blank), as Ink
 * leaves them out on a terminal without colour: the same frame whatever FORCE_COLOR says.
 */
export function readFrame(
	raw: string,
	options: {color: boolean; mask: boolean},
): string {
	const text = options.color
		? raw
		: stripVTControlCharacters(raw)
				.split('\n')
				.map((line) => line.trimEnd())
				.join('\n');
	return options.mask ? maskFrame(text) : text;
}

/** Lines joined with single spaces: a text wrapped over several rows reads as one. */
export function flattenFrame(frame: string): string {
	return stripVTControlCharacters(frame)
		.split('\n')
		.map((line) => line.trim())
		.join(' ')
		.replace(/\s+/g, ' ');
}
