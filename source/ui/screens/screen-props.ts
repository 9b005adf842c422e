import type {Lang} from '../../i18n/index.js';
import type {DashboardView} from '../dashboard-source.js';

/**
 * What the dashboard gives every screen: the room it has, what the source shows, and the
 * screen's own part of the dashboard state (`null` for a screen that keeps none).
 */
export type ScreenProps<State = null> = {
	lang: Lang;
	width: number;
	height: number;
	view: DashboardView;
	state: State;
	/** False while an overlay has the keys: nothing shows as focused. */
	isActive: boolean;
};
