/** `myq-license import FILE`: the vendor portal's response file (R5). */
import {readFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {report, usageError} from './report.js';

/** Response files are small; a bigger one is not ours. */
const MAX_FILE_BYTES = 1024 * 1024;

export const command = defineCommand({
	flags: {},
	async run(cli) {
		const [file, ...extra] = cli.input;
		if (!file || extra.length > 0) {
			throw await usageError(cli.lang, 'cli.error.import-usage');
		}
		let text: string;
		try {
			const bytes = await readFile(file);
			if (bytes.length > MAX_FILE_BYTES) {
				throw await usageError(cli.lang, 'cli.error.file-too-big', {
					file,
					bytes: bytes.length,
				});
			}
			// The response file, or the block of text a portal gave to copy (the same document).
			const {readDocumentText} = await import('../signing/document-text.js');
			// A file is read byte for byte (R5: altered in any byte, refused); a block is unpacked.
			const read = readDocumentText(bytes.toString('utf8'));
			text = read.ok && read.kind !== null ? read.text : bytes.toString('utf8');
		} catch (error) {
			if (error instanceof UsageError) {
				throw error;
			}
			process.stderr.write(
				`${(await usageError(cli.lang, 'cli.error.cannot-read', {file, reason: (error as Error).message})).message}\n`,
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
