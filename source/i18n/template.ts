/** Filling a message's `{name}` placeholders: the one formatter's last step (index.ts `t`). */
import {visible} from '../engine/safe-text.js';

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders from `params`. A placeholder without a value stays as written,
 * so a missing parameter shows on screen instead of vanishing silently.
 */
export function format(template: string, params?: MessageParams): string {
	if (!params) {
		return template;
	}

	return template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		// A value may come from outside (a company, a file name, a server's words): no control
		// character of it reaches a screen raw (issue 10 point 7). Cutting long ones is for the
		// places that take them in (safeText), since a value may be a whole message of ours.
		return value === undefined ? whole : visible(String(value));
	});
}
