import {EXIT} from './exit-codes.js';

export async function run(_argv: string[]): Promise<number> {
	process.stderr.write('simulate is not built yet (issue 4).\n');
	return EXIT.failed;
}
