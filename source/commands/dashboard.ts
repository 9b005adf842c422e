import {EXIT} from './exit-codes.js';

export async function run(_argv: string[]): Promise<number> {
	process.stderr.write('The dashboard is not built yet (issue 5). Use myq-license --help for the commands.\n');
	return EXIT.failed;
}
