/** Exit codes for scripts: 0 done, 1 failed, 2 bad input. */
export const EXIT = {ok: 0, failed: 1, badInput: 2} as const;

/** Bad input on the command line: shown as its message, exit 2, never a stack trace. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}
