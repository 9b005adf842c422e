/** `myq-license devices [activate|deactivate] [NAME]`: printing devices (R7). */
import {DEVICE_NAME_MAX} from '../engine/devices.js';
import {safeText} from '../engine/safe-text.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, report, usageError} from './report.js';

export const command = defineCommand({
	takesArguments: true,
	flags: {},
	async run(cli) {
		const [action, name, ...extra] = cli.input;
		if (
			extra.length > 0 ||
			(action !== undefined &&
				action !== 'activate' &&
				action !== 'deactivate' &&
				action !== 'list')
		) {
			throw await usageError(cli.lang, 'cli.error.devices-usage');
		}
		const {withRuntime} = await import('./compose.js');
		return withRuntime(cli.flags, async (runtime) => {
			if (action === 'activate') {
				const activated = await runtime.activateDevice(name);
				const code = await report(activated, cli);
				// A name that is no name (empty, too long, unprintable) is bad input (exit 2).
				return activated.code.startsWith('device-name-') ? EXIT.badInput : code;
			}
			if (action === 'deactivate') {
				return report(await runtime.deactivateDevice(name), cli);
			}
			const {devices} = runtime.snapshot().evaluation;
			if (cli.flags.json) {
				printJson(devices);
				return EXIT.ok;
			}
			const {t} = await import('../i18n/index.js');
			print([
				t(cli.lang, 'cli.devices.summary', {
					activated: devices.activated,
					licensed: devices.licensed,
					capacity: devices.capacity,
				}),
				...devices.list.map(
					(device) =>
						`  ${safeText(device.id, DEVICE_NAME_MAX)}${device.licensed ? '' : `  ${t(cli.lang, 'cli.devices.unlicensed')}`}`,
				),
			]);
			return EXIT.ok;
		});
	},
});
