/** `myq-license import FILE`: the vendor portal's response file (R5). */
import {EXIT, UsageError} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, report, usageError} from './report.js';

export const command = defineCommand({
	takesArguments: true,
	flags: {},
	async run(cli) {
		const [file, ...extra] = cli.input;
		if (!file || extra.length > 0) {
			throw await usageError(cli.lang, 'cli.error.import-usage');
		}
		// Read up to its limit, never whole first (issue 10 point 5: `import /dev/zero` took 6 GB).
		const {readFileUpTo, formatLimit, INPUT_LIMITS} = await import(
			'../adapters/bounded-read.js'
		);
		let text: string;
		try {
			const read = await readFileUpTo(file, INPUT_LIMITS.responseFile);
			if (!read.ok) {
				throw await usageError(cli.lang, 'cli.error.response-too-big', {
					file,
					limit: formatLimit(read.limit),
				});
			}
			// The response file, or the block of text a portal gave to copy (the same document): a
			// file is read byte for byte (R5: altered in any byte, refused); a block is unpacked.
			const {readDocumentText} = await import('../signing/document-text.js');
			const fileText = read.value.toString('utf8');
			const block = readDocumentText(fileText);
			text = block.ok && block.kind !== null ? block.text : fileText;
		} catch (error) {
			if (error instanceof UsageError) {
				throw error;
			}
			print(
				[
					(
						await usageError(cli.lang, 'cli.error.cannot-read', {
							file,
							reason: (error as Error).message,
						})
					).message,
				],
				'err',
			);
			return EXIT.badInput;
		}
		const {withRuntime} = await import('./compose.js');
		return withRuntime(cli.flags, async (runtime) => {
			const outcome = await runtime.importActivationResponse(text);
			const code = await report(outcome, cli);
			return outcome.ok ? code : EXIT.badInput;
		});
	},
});
