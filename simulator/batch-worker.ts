/**
 * One replay thread of `simulate --jobs N` (batch.ts): it replays the files it is sent, one at a
 * time, and answers each with its result. It ends when the batch terminates it.
 */
import {parentPort} from 'node:worker_threads';
import {type BatchReply, type BatchRequest, replayFile} from './batch.js';

// Loaded at once, while the first file is on its way: the simulator is most of a replay's start.
const loading = Promise.all([
	import('./runner.js'),
	import('./scenario/index.js'),
]);

parentPort?.on('message', async (request: BatchRequest) => {
	await loading;
	const {index, file, ...options} = request;
	const reply: BatchReply = {index, item: await replayFile(file, options)};
	parentPort?.postMessage(reply);
});
