/** What the adapters read from the errors Node and SQLite throw: their code, and their message. */

/** Whether `error` carries `code` (`ENOENT`, `SQLITE_READONLY`, `ERR_MODULE_NOT_FOUND`). */
export function hasCode(error: unknown, code: string): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		'code' in error &&
		error.code === code
	);
}

/** The message of whatever was thrown, for a sentence that says what went wrong. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
