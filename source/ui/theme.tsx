/**
 * Colours, and what replaces them without colour (NO_COLOR, or a terminal without it): every
 * piece of state shown in colour also has a glyph or a word, so nothing depends on colour alone.
 */
import {createContext, useContext} from 'react';
import type {BannerId, OperationalState} from '../engine/types.js';

export type Theme = {
	/** False under NO_COLOR: views add text markers (focus, cursor) instead of colour. */
	isColor: boolean;
	/** Dates shown in this zone (the demo shows its simulated UTC clock). @default the system's */
	timeZone?: string;
};

export const ThemeContext = createContext<Theme>({isColor: true});

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

export type Tone =
	| 'ok'
	| 'warn'
	| 'error'
	| 'info'
	| 'muted'
	| 'accent'
	| 'tamper';

const TONE_COLOR: Record<Tone, string> = {
	ok: 'green',
	warn: 'yellow',
	error: 'red',
	info: 'cyan',
	muted: 'gray',
	accent: 'blue',
	tamper: 'magenta',
};

/** The colour of a tone, or undefined without colour. */
export function toneColor(
	theme: Theme,
	tone: Tone | null | undefined,
): string | undefined {
	return theme.isColor && tone ? TONE_COLOR[tone] : undefined;
}

/** SPEC §2 "Banners": stop banners red, warnings yellow, the clock one magenta. */
export function bannerTone(id: BannerId): Tone {
	switch (id) {
		case 'license-problem':
		case 'server-stopped':
			return 'error';
		case 'clock-tampered':
			return 'tamper';
		default:
			return 'warn';
	}
}

export const STATE_TONE: Record<OperationalState, Tone> = {
	unlicensed: 'muted',
	running: 'ok',
	warning: 'warn',
	stopped: 'error',
};

/** The timeline strip: one glyph a day, distinct without colour too. */
export const STATE_GLYPH: Record<OperationalState, string> = {
	unlicensed: '·',
	running: '█',
	warning: '▓',
	stopped: '░',
};
