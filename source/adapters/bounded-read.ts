/**
 * Reading what comes from outside with a limit, checked before the whole is read (issue 10
 * point 5: a 400 MB answer from a license server took the CLI to 2.7 GB, `import /dev/zero` to
 * 6 GB). A size the source states (a file's size, a Content-Length) is refused at once; a source
 * that states none (a pipe, /dev/zero, a chunked answer) is read up to one byte past the limit,
 * then dropped. A refusal says the limit, so the message can name it.
 */
import {open} from 'node:fs/promises';

const MiB = 1024 * 1024;

/**
 * The limits of what is read from outside, one table (the request file of a manual activation
 * takes the license server's own body limit, DEFAULT_MAX_BODY_BYTES, and a scenario file
 * simulator/scenario's MAX_SCENARIO_BYTES).
 */
export const INPUT_LIMITS = {
	/**
	 * An answer of the license server: an activation answers a request of at most the server's
	 * 64 KiB (some 2,000 keys) with a document and a refusal a key, well under this.
	 */
	serverReply: MiB,
	/** A manual activation's response file (R5): the same document as an online answer. */
	responseFile: MiB,
	/** Keys given to `add-key -` on standard input: some 30,000 keys. */
	keyList: MiB,
} as const;

export type BoundedRead<T> =
	| {ok: true; value: T}
	/** `size` is the size the source stated, or null when it only showed more than `limit`. */
	| {ok: false; limit: number; size: number | null};

const CHUNK_BYTES = 64 * 1024;

/**
 * A file's bytes, at most `limit` of them. Errors of the file system (no such file, a
 * directory, no permission) are thrown as Node gives them; only the size is a refusal value.
 */
export async function readFileUpTo(
	file: string,
	limit: number,
): Promise<BoundedRead<Buffer>> {
	const handle = await open(file, 'r');
	try {
		const info = await handle.stat();
		if (info.isFile() && info.size > limit) {
			return {ok: false, limit, size: info.size};
		}
		// A regular file may still grow, and devices and pipes state no size: read by chunks.
		const chunks: Buffer[] = [];
		let total = 0;
		while (total <= limit) {
			const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, limit + 1 - total));
			const {bytesRead} = await handle.read(chunk, 0, chunk.length, null);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			total += bytesRead;
		}
		if (total > limit) {
			return {ok: false, limit, size: null};
		}
		return {ok: true, value: Buffer.concat(chunks, total)};
	} finally {
		await handle.close();
	}
}

/** A stream's bytes (standard input), at most `limit`; what is left unread is not waited for. */
export async function readStreamUpTo(
	stream: AsyncIterable<Uint8Array | string>,
	limit: number,
): Promise<BoundedRead<Buffer>> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		chunks.push(Buffer.from(bytes));
		total += bytes.length;
		if (total > limit) {
			return {ok: false, limit, size: null};
		}
	}
	return {ok: true, value: Buffer.concat(chunks, total)};
}

/**
 * An HTTP answer's body as text, at most `limit` bytes: a Content-Length over the limit is
 * refused before any of the body is read, and a body that goes past it is cancelled there.
 */
export async function readResponseUpTo(
	response: Response,
	limit: number,
): Promise<BoundedRead<string>> {
	const stated = Number(response.headers.get('content-length') ?? Number.NaN);
	if (Number.isFinite(stated) && stated > limit) {
		response.body?.cancel().catch(() => undefined);
		return {ok: false, limit, size: stated};
	}
	if (response.body === null) {
		return {ok: true, value: ''};
	}
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		chunks.push(value);
		total += value.byteLength;
		if (total > limit) {
			reader.cancel().catch(() => undefined);
			return {ok: false, limit, size: null};
		}
	}
	// As response.text() decodes: UTF-8, a leading byte-order mark dropped.
	return {
		ok: true,
		value: new TextDecoder().decode(Buffer.concat(chunks, total)),
	};
}

/** A limit as people read it: `1 MiB`, `64 KiB`, or bytes. */
export function formatLimit(bytes: number): string {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) {
		return `${bytes / (1024 * 1024)} MiB`;
	}
	if (bytes >= 1024 && bytes % 1024 === 0) {
		return `${bytes / 1024} KiB`;
	}
	return `${bytes} bytes`;
}
