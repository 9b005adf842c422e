/**
 * The dashboard's shell: runs the commands the key handler returns (the engine's through the
 * source's runtime, the demo's simulation controls, the manual activation files and texts) and
 * reports what each did in the status line. The key handler itself stays pure (`app-state.ts`).
 */
import {writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';
import {useApp} from 'ink';
import {type RefObject, useCallback, useRef} from 'react';
import {type Lang, t} from '../i18n/index.js';
import {renderOutcome} from '../i18n/outcome.js';
import type {Outcome} from '../runtime/runtime.js';
import type {
	DemoCommand,
	StatusMessage,
	UiAction,
	UiCommand,
	UiState,
} from './app-state.js';
import type {DashboardSource} from './dashboard-source.js';
import {demoStatus} from './demo-status.js';
import {
	activationStatus,
	connectStatus,
	deviceStatus,
	saveStatus,
} from './outcome.js';
import {REQUEST_FILE, RESPONSE_FILE} from './screens/manual-state.js';

/**
 * The manual activation files (R5) on a disk; injected so tests need none. `resolve` says where
 * a folder typed by the admin is (`~` is their home), `defaultFolder` where the files go unless
 * they choose: the user's data directory, as the store's (issue 12, point 9). The testing entry
 * keeps them in memory by default, in the instance's `files` map.
 * @example
 * const instance = await renderAtDay('offline.yaml', 3, {screen: 'settings-license'});
 * // ... Manual activation, Export request ...
 * const request = [...instance.files.values()][0];
 */
export type FileAccess = {
	read(path: string): Promise<string>;
	/** Writes the file, making its folder first. */
	write(path: string, text: string): Promise<void>;
	resolve(folder: string): string;
	defaultFolder(): string;
};

export const nodeFiles: FileAccess = {
	async read(file) {
		// A response file is read up to its limit, never whole first (issue 10 point 5).
		const {readFileUpTo, formatLimit, INPUT_LIMITS} = await import(
			'../adapters/bounded-read.js'
		);
		const read = await readFileUpTo(file, INPUT_LIMITS.responseFile);
		if (!read.ok) {
			throw new Error(
				`it holds more than ${formatLimit(read.limit)}, the most a response file can be`,
			);
		}
		return read.value.toString('utf8');
	},
	async write(file, text) {
		// The folder the admin chose is made if missing, one level at a time (Node's recursive
		// mkdir never ends under /proc: the store's adapter says why).
		const {makeDirectories} = await import('../adapters/make-directories.js');
		await makeDirectories(path.dirname(file));
		await writeFile(file, text, 'utf8');
	},
	resolve(folder) {
		const trimmed = folder.trim();
		const expanded =
			trimmed === '~' || trimmed.startsWith('~/')
				? path.join(homedir(), trimmed.slice(1))
				: trimmed;
		return path.resolve(expanded || '.');
	},
	defaultFolder() {
		return envPaths('myq-license', {suffix: ''}).data;
	},
};

export type CommandsOptions = {
	source: DashboardSource;
	lang: Lang;
	files: FileAccess;
	timeZone: string | undefined;
	/** The dashboard state as it is now (commands read the manual activation's request). */
	ui: RefObject<UiState>;
	dispatch: (action: UiAction) => void;
};

export type Commands = {
	execute(command: UiCommand): Promise<void>;
	/** True while a simulation control asked by a key waits or runs (demo play then skips a tick). */
	isDemoBusy(): boolean;
};

type EngineCommand = Exclude<UiCommand, {type: 'quit' | 'demo'}>;

export function useCommands({
	source,
	lang,
	files,
	timeZone,
	ui,
	dispatch,
}: CommandsOptions): Commands {
	const {exit} = useApp();
	const demoQueue = useRef<Promise<unknown>>(Promise.resolve());
	/** R16: the key the server presented, offered to the admin; pressing again trusts it. */
	const trustOffered = useRef<string | null>(null);
	const demoPending = useRef(0);
	const report = useCallback(
		(status: StatusMessage | null) => dispatch({type: 'status', status}),
		[dispatch],
	);
	const failed = useCallback(
		(error: unknown) =>
			report({
				tone: 'error',
				text: t(lang, 'ui.outcome.failed', {message: fileError(error, lang)}),
			}),
		[report, lang],
	);

	const runDemo = useCallback(
		async (command: DemoCommand) => {
			const controller = source.demo;
			if (!controller) return;
			const before = controller.view();
			// Going back replays from day 0 (seconds for years): the status line says so meanwhile.
			const isReplay =
				command.type === 'previous-change' ||
				(command.type === 'jump' && command.day < before.day);
			const label = isReplay
				? 'ui.demo.busy.replay'
				: command.type === 'jump' || command.type === 'next-change'
					? 'ui.demo.busy.time'
					: null;
			if (label) dispatch({type: 'busy', label: t(lang, label)});
			try {
				switch (command.type) {
					case 'advance':
						await controller.advance(command.ms);
						break;
					case 'next-change':
						await controller.nextChange();
						break;
					case 'previous-change':
						await controller.previousChange();
						break;
					case 'jump':
						await controller.jumpToDay(command.day);
						break;
					case 'toggle-network':
						await controller.toggleNetwork();
						break;
					case 'network':
						await controller.setNetwork(command.state);
						break;
					case 'swap-hardware':
						await controller.swapHardware();
						break;
					case 'restart':
						await controller.restart();
						break;
					case 'clock':
						await controller.shiftClock(command.ms);
						break;
					case 'vendor':
						await controller.vendor(
							command.action,
							command.target,
							command.days,
						);
						break;
					case 'step':
						await controller.stepScenario();
						break;
					case 'open-scenario':
						await controller.openScenario(command.id);
						break;
				}
			} finally {
				if (label) dispatch({type: 'busy', label: null});
			}
			const after = controller.view();
			const message = after.message !== before.message ? after.message : null;
			report(demoStatus(command, before, after, message, lang, timeZone));
		},
		[source, report, lang, timeZone, dispatch],
	);

	/**
	 * R16: Activate or Connect now without a trusted key. Pressed once, the key the server
	 * presents is shown; pressed again, it is trusted (the admin's explicit choice) before the
	 * command runs. Null when there was nothing to offer or the command should go on.
	 */
	const trustFirst = useCallback(
		async (
			action: 'ui.activate' | 'ui.connect-now',
		): Promise<string | null> => {
			const offer = source.vendorTrust;
			const offered = trustOffered.current;
			trustOffered.current = null;
			if (offer === null || source.runtime().vendorPublicKey !== null) {
				return null;
			}
			if (offered !== null) {
				const {file} = await offer.trust(offered);
				return t(lang, 'ui.trust.done', {key: offered, file});
			}
			const presented = await offer.presented();
			if (presented.ok) {
				trustOffered.current = presented.value;
				report({
					tone: 'info',
					text: t(lang, 'ui.trust.offer', {
						key: presented.value,
						action: t(lang, action),
					}),
				});
			} else {
				report({
					tone: 'error',
					text: t(lang, 'ui.trust.unavailable', {
						// The client's reason in the admin's language, its raw message only
						// for a failure that carries none.
						reason: presented.failure.reason
							? renderOutcome(lang, presented.failure.reason)
							: presented.failure.message.replace(/\.$/, ''),
					}),
				});
			}
			return '';
		},
		[source, lang, report],
	);

	/** After an activation (Activate, a response file or text): the table shows the result. */
	const afterActivation = useCallback(
		(
			outcome: Outcome,
			before: ReturnType<ReturnType<DashboardSource['runtime']>['snapshot']>,
			trusted: string | null = null,
		) => {
			const runtime = source.runtime();
			report(
				withTrust(
					trusted,
					activationStatus(outcome, before, runtime.snapshot(), lang),
				),
			);
			if (!outcome.ok) return;
			if (ui.current.screen === 'manual') {
				dispatch({type: 'manual', action: {type: 'imported'}});
				dispatch({type: 'back', hasCustomer: true});
			}
			dispatch({type: 'settings', action: {type: 'activated'}});
		},
		[source, report, lang, ui, dispatch],
	);

	/**
	 * R5: the request of this visit to Manual activation, made once (the file and the text are
	 * the same document); in the demo the simulated vendor portal answers it at once.
	 */
	const manualRequest = useCallback(
		async (
			deliver: (text: string) => Promise<void>,
			isShown: boolean,
		): Promise<{text: string; portal: string | null} | null> => {
			const made = ui.current.manual.request;
			let text = made;
			if (text === null) {
				const exported = await source
					.runtime()
					.exportActivationRequest(deliver);
				if (!exported.ok) {
					report({
						tone: 'error',
						text:
							exported.code === 'nothing-to-activate'
								? t(lang, 'activation.nothing')
								: renderOutcome(lang, exported),
					});
					return null;
				}
				text = exported.text;
			} else {
				await deliver(text);
			}
			const portal = source.offlinePortal
				? (ui.current.manual.portal ?? (await source.offlinePortal(text)))
				: null;
			dispatch({
				type: 'manual',
				action: {type: 'request-made', text, portal, isShown},
			});
			return {text, portal};
		},
		[source, ui, dispatch, report, lang],
	);

	const runEngine = useCallback(
		async (command: EngineCommand) => {
			const runtime = source.runtime();
			switch (command.type) {
				case 'save': {
					const outcome = await runtime.save(command.form, command.keysText);
					dispatch({
						type: 'settings',
						action: outcome.ok
							? {
									type: 'saved',
									refusedInputs: outcome.refused.map((refusal) =>
										refusal.input.trim(),
									),
									addedCount: outcome.accepted.length,
								}
							: {type: 'save-failed', errors: outcome.errors},
					});
					report(saveStatus(outcome, command.form.company ?? '', lang));
					break;
				}
				case 'activate': {
					const trusted = await trustFirst('ui.activate');
					if (trusted === '') break;
					const before = runtime.snapshot();
					afterActivation(await runtime.activate(), before, trusted);
					break;
				}
				case 'connect': {
					const trusted = await trustFirst('ui.connect-now');
					if (trusted === '') break;
					const before = runtime.snapshot();
					const outcome = await runtime.connect();
					report(
						withTrust(
							trusted,
							connectStatus(outcome, before, runtime.snapshot(), lang),
						),
					);
					break;
				}
				case 'manual-write': {
					const folder = files.resolve(command.folder);
					const requestPath = path.join(folder, REQUEST_FILE);
					const made = await manualRequest(
						(text) => files.write(requestPath, text),
						false,
					);
					if (!made) break;
					const parts = [
						t(lang, 'manual.request-exported', {path: requestPath}),
					];
					if (made.portal !== null) {
						const responsePath = path.join(folder, RESPONSE_FILE);
						await files.write(responsePath, made.portal);
						parts.push(
							t(lang, 'ui.manual.demo-answered', {path: responsePath}),
						);
					} else {
						parts.push(
							t(lang, 'ui.manual.next-step', {response: RESPONSE_FILE}),
						);
					}
					report({tone: 'ok', text: parts.join(' ')});
					break;
				}
				case 'manual-show': {
					const made = await manualRequest(async () => {}, true);
					// The text alone on the screen, to copy: the portal's answer in the demo.
					if (made)
						dispatch({
							type: 'open-text',
							block: made.portal !== null ? 'portal' : 'request',
						});
					if (made)
						report({
							tone: 'info',
							text: t(
								lang,
								made.portal !== null
									? 'ui.manual.shown-demo'
									: 'ui.manual.shown',
							),
						});
					break;
				}
				case 'manual-read': {
					const responsePath = path.join(
						files.resolve(command.folder),
						RESPONSE_FILE,
					);
					let text: string;
					try {
						text = await files.read(responsePath);
					} catch (error) {
						report({
							tone: 'error',
							text: t(lang, 'manual.unreadable', {
								path: responsePath,
								reason: fileError(error, lang),
							}),
						});
						break;
					}
					const before = runtime.snapshot();
					afterActivation(await runtime.importActivationResponse(text), before);
					break;
				}
				case 'manual-import-text': {
					const before = runtime.snapshot();
					afterActivation(
						await runtime.importActivationResponse(command.text),
						before,
					);
					break;
				}
				case 'device-activate': {
					const outcome = await runtime.activateDevice();
					report(deviceStatus(outcome, null, runtime.snapshot(), lang));
					break;
				}
				case 'device-deactivate': {
					const outcome = await runtime.deactivateDevice(command.id);
					report(deviceStatus(outcome, command.id, runtime.snapshot(), lang));
					break;
				}
			}
		},
		[
			source,
			dispatch,
			report,
			lang,
			files,
			manualRequest,
			afterActivation,
			trustFirst,
		],
	);

	const execute = useCallback(
		async (command: UiCommand) => {
			if (command.type === 'quit') {
				exit();
				return;
			}
			if (command.type === 'demo') {
				// One after another: the controller ignores a control while one runs, and c c c
				// must step three times.
				demoPending.current += 1;
				const run = demoQueue.current.then(() => runDemo(command.command));
				demoQueue.current = run
					.catch(() => undefined)
					.finally(() => {
						demoPending.current -= 1;
					});
				try {
					await run;
				} catch (error) {
					failed(error);
				}
				return;
			}
			// One engine command at a time: a second Enter on Save while it runs would save twice.
			if (ui.current.busy !== null) return;
			dispatch({type: 'busy', label: t(lang, BUSY_LABEL[command.type])});
			try {
				await runEngine(command);
			} catch (error) {
				failed(error);
			} finally {
				dispatch({type: 'busy', label: null});
			}
		},
		[exit, runDemo, runEngine, dispatch, failed, lang, ui],
	);

	const isDemoBusy = useCallback(() => demoPending.current > 0, []);
	return {execute, isDemoBusy};
}

const BUSY_LABEL = {
	save: 'ui.busy.save',
	activate: 'ui.busy.activate',
	connect: 'ui.busy.connect',
	'manual-write': 'ui.busy.export',
	'manual-show': 'ui.busy.export',
	'manual-read': 'ui.busy.import',
	'manual-import-text': 'ui.busy.import',
	'device-activate': 'ui.busy.device',
	'device-deactivate': 'ui.busy.device',
} as const satisfies Record<EngineCommand['type'], string>;

function fileError(error: unknown, lang: Lang): string {
	if (error && typeof error === 'object' && 'code' in error) {
		if (error.code === 'ENOENT') return t(lang, 'ui.file.missing');
	}
	return error instanceof Error ? error.message : String(error);
}

/** The status of a command run just after the admin trusted a key: both, said in order. */
function withTrust(
	trusted: string | null,
	status: StatusMessage,
): StatusMessage {
	return trusted === null
		? status
		: {tone: status.tone, text: `${trusted} ${status.text}`};
}
