import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {COMMON_FLAGS, parseArgs, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license add-key KEY [KEY...]

Adds installation keys (they start with N) and license keys (they start with K) to the license
table as pending (R3). Keys may be separated by spaces, commas or new lines; a malformed or
duplicate key is refused by name and the others are still added. Register the customer first.

Examples
  $ myq-license add-key NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01
  $ myq-license add-key "K1234-56789-ABCDE-FGHJK-MNPQR, K9876-54321-ZYXWV-TSRQP-NMKJH"
  $ myq-license add-key - < keys.txt     (read keys from standard input)`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, COMMON_FLAGS);
	let text = cli.input.join('\n');
	if (cli.input.length === 1 && cli.input[0] === '-') {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) {
			chunks.push(chunk as Buffer);
		}
		text = Buffer.concat(chunks).toString('utf8');
	}
	if (text.trim() === '') {
		throw new UsageError(
			'No key given. Usage: myq-license add-key KEY [KEY...]',
		);
	}
	return withRuntime(cli.flags, async (runtime) => {
		const outcome = await runtime.save(null, text);
		if (!outcome.ok) {
			process.stderr.write(
				`${outcome.errors.map((error) => error.message).join('\n')}\n`,
			);
			return EXIT.badInput;
		}
		if (cli.flags.json) {
			process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
		} else {
			for (const key of outcome.accepted) {
				process.stdout.write(`added ${key} (pending)\n`);
			}
			for (const refusal of outcome.refused) {
				process.stderr.write(`refused: ${refusal.message}\n`);
			}
			if (outcome.accepted.length > 0) {
				process.stdout.write(
					'Next: myq-license activate (or activate --manual --out request.json without network)\n',
				);
			}
		}
		return outcome.refused.length > 0 ? EXIT.badInput : EXIT.ok;
	});
}
