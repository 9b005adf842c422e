export {
	type BannerBlock,
	bannerBlocks,
	bannerRows,
	clipBanners,
} from './lines.js';
export {BannersView} from './view.js';
