/** The two languages of the product (SPEC §6). */
export const LANGS = ['fr', 'en'] as const;
/**
 * The languages every text exists in: French and English.
 * @example
 * const lang: Lang = 'fr';
 */
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
	return value === 'fr' || value === 'en';
}

/**
 * Reads `--lang` style input: 'fr', 'FR', 'fr_FR.UTF-8', 'en-GB' all resolve; anything else is
 * undefined so the caller can say which values are accepted.
 */
export function parseLang(input: string): Lang | undefined {
	const prefix = input.trim().toLowerCase().slice(0, 2);
	return isLang(prefix) ? prefix : undefined;
}

/**
 * SPEC §6: the default language comes from `LC_ALL`, then `LC_MESSAGES`, then `LANG`, the POSIX
 * precedence. Only the first non-empty one decides: `fr` when it starts with `fr`, else `en`
 * (so `LC_ALL=C LANG=fr_FR.UTF-8` is English, as every other program on that machine would be).
 */
export function detectLang(env: Record<string, string | undefined>): Lang {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[name]?.trim();
		if (value) {
			return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
		}
	}

	return 'en';
}
