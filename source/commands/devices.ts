import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {COMMON_FLAGS, parseArgs, report, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license devices                     list printing devices
  $ myq-license devices activate [NAME]     activate one (refused past capacity, R7)
  $ myq-license devices deactivate [NAME]   deactivate one (the newest when no name is given)

Examples
  $ myq-license devices activate reception-printer
  $ myq-license devices --json`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, COMMON_FLAGS);
	const [action, name, ...extra] = cli.input;
	if (
		extra.length > 0 ||
		(action !== undefined &&
			action !== 'activate' &&
			action !== 'deactivate' &&
			action !== 'list')
	) {
		throw new UsageError(
			'Usage: myq-license devices [activate|deactivate] [NAME]',
		);
	}
	return withRuntime(cli.flags, async (runtime) => {
		if (action === 'activate') {
			return report(await runtime.activateDevice(name), cli.flags.json);
		}
		if (action === 'deactivate') {
			return report(await runtime.deactivateDevice(name), cli.flags.json);
		}
		const {devices} = runtime.snapshot().evaluation;
		if (cli.flags.json) {
			process.stdout.write(`${JSON.stringify(devices, null, 2)}\n`);
		} else {
			process.stdout.write(
				`${devices.activated} activated, ${devices.licensed} licensed, capacity ${devices.capacity}\n`,
			);
			for (const device of devices.list) {
				process.stdout.write(
					`  ${device.id}${device.licensed ? '' : '  (unlicensed: over capacity)'}\n`,
				);
			}
		}
		return EXIT.ok;
	});
}
