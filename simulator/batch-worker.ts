/**
 * One replay thread of `simulate --jobs N` (batch.ts): it replays the files it is sent, one at a
 * time, and answers each with its result. It ends when the batch terminates it.
 */
import {parentPort} from 'node:worker_threads';
import {type BatchReply, type BatchRequest, replayFile} from './batch.js';

parentPort?.on('message', async (request: BatchRequest) => {
	const {index, file, ...options} = request;
	const reply: BatchReply = {index, item: await replayFile(file, options)};
	parentPort?.postMessage(reply);
});
