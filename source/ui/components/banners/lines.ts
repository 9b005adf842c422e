import type {Banner, BannerId} from '../../../engine/types.js';
import {bannerText, type Lang} from '../../../i18n/index.js';
import {truncate, wrapText} from '../../format.js';

export type BannerBlock = {id: BannerId; lines: string[]};

/** The banners' exact texts (SPEC §2), wrapped to the width after their 2-column bar. */
export function bannerBlocks(
	banners: readonly Banner[],
	lang: Lang,
	width: number,
): BannerBlock[] {
	return banners.map((banner) => ({
		id: banner.id,
		lines: wrapText(bannerText(banner.id, lang, banner.days), width - 2),
	}));
}

/**
 * Keeps at most `maxRows` rows of banners: later banners (lower severity) give way first. The
 * last row kept of a cut banner ends with ' …' within `lineWidth` columns (a full row with the
 * mark added wrapped onto a row of its own, and the frame grew past the terminal).
 */
export function clipBanners(
	blocks: readonly BannerBlock[],
	maxRows: number,
	lineWidth = Number.POSITIVE_INFINITY,
): BannerBlock[] {
	const kept: BannerBlock[] = [];
	let rows = 0;
	for (const block of blocks) {
		const room = maxRows - rows;
		if (room <= 0) break;
		const lines =
			block.lines.length <= room
				? block.lines
				: [
						...block.lines.slice(0, room - 1),
						truncate(`${block.lines[room - 1] ?? ''} …`, lineWidth),
					];
		kept.push({id: block.id, lines});
		rows += lines.length;
	}
	return kept;
}

export function bannerRows(blocks: readonly BannerBlock[]): number {
	return blocks.reduce((sum, block) => sum + block.lines.length, 0);
}
