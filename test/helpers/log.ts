/** Tests that read a log entry's English text reach it through the one formatter. */
import type {LogEntry} from '../../source/engine/types.js';
import {formatLogEntry} from '../../source/i18n/index.js';

/** The entry with its English text as `detail`, as entries carried it before codes. */
export function withDetail(entry: LogEntry | undefined) {
	return entry === undefined
		? undefined
		: {...entry, detail: formatLogEntry(entry, 'en')};
}
