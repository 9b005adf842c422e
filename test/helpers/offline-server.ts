import type {LicenseServer} from '../../source/ports/index.js';

/** A license server that is never reached: for tests of what happens without one. */
export const OFFLINE_SERVER: LicenseServer = {
	activate: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
	contact: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
};
