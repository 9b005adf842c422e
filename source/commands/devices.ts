/** `myq-license devices [activate|deactivate] [NAME]`: printing devices (R7). */
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, report, usageError} from './report.js';

export const command = defineCommand({
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
				return report(await runtime.activateDevice(name), cli);
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
						`  ${device.id}${device.licensed ? '' : `  ${t(cli.lang, 'cli.devices.unlicensed')}`}`,
				),
			]);
			return EXIT.ok;
		});
	},
});
