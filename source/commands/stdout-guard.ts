/**
 * Failed writes to the terminal, said in one line and never as a stack trace (STYLE 9).
 * A closed pipe (`myq-license status --json | head -1`, EPIPE) is the reader's choice: the
 * command ends quietly with its own exit code. Any other failure (ENOSPC on a full disk) is the
 * admin's to fix: one line on stderr, and exit 1.
 */
import process from 'node:process';
import {EXIT} from './exit-codes.js';

export type StdoutGuard = {
	/** Whether a write to stdout failed for a reason other than a closed pipe. */
	hasFailed(): boolean;
};

/** Listens for write errors on stdout and stderr; call once, before the command writes. */
export function guardStdout(): StdoutGuard {
	let hasFailed = false;
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || hasFailed) return;
		hasFailed = true;
		process.exitCode = EXIT.failed;
		process.stderr.write(
			`myq-license: could not write to standard output (${error.message}). Free some space or send the output elsewhere.\n`,
		);
	});
	// Nowhere is left to say that stderr failed: it must not crash the command either.
	process.stderr.on('error', () => undefined);
	return {hasFailed: () => hasFailed};
}
