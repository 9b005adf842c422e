/**
 * The dashboard's shell: runs the commands the key handler returns (the engine's through the
 * source's runtime, the demo's simulation controls, the manual activation files) and reports what
 * each did in the status line. The key handler itself stays pure (`app-state.ts`).
 */
import {useApp} from 'ink';
import {type RefObject, useCallback, useRef} from 'react';
import {type Lang, t} from '../i18n/index.js';
import {renderOutcome} from '../i18n/outcome.js';
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
import {DEFAULT_RESPONSE_PATH} from './screens/settings-license-state.js';

/** Reading and writing the manual activation files (R5); injected so tests need no disk. */
export type FileAccess = {
	read(path: string): Promise<string>;
	write(path: string, text: string): Promise<void>;
};

export const nodeFiles: FileAccess = {
	async read(path) {
		// A response file is read up to its limit, never whole first (issue 10 point 5).
		const {readFileUpTo, formatLimit, INPUT_LIMITS} = await import(
			'../adapters/bounded-read.js'
		);
		const read = await readFileUpTo(path, INPUT_LIMITS.responseFile);
		if (!read.ok) {
			throw new Error(
				`it holds more than ${formatLimit(read.limit)}, the most a response file can be`,
			);
		}
		return read.value.toString('utf8');
	},
	async write(path, text) {
		const {writeFile} = await import('node:fs/promises');
		await writeFile(path, text, 'utf8');
	},
};

export type CommandsOptions = {
	source: DashboardSource;
	lang: Lang;
	files: FileAccess;
	timeZone: string | undefined;
	/** The dashboard state as it is now (commands read the form's paths from it). */
	ui: RefObject<UiState>;
	dispatch: (action: UiAction) => void;
};

export type Commands = {
	execute(command: UiCommand): Promise<void>;
	/** True while a simulation control asked by a key waits or runs (demo play then skips a tick). */
	isDemoBusy(): boolean;
};

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
				text: t(lang, 'ui.outcome.failed', {message: fileError(error)}),
			}),
		[report, lang],
	);

	const runDemo = useCallback(
		async (command: DemoCommand) => {
			const controller = source.demo;
			if (!controller) return;
			const before = controller.view();
			switch (command.type) {
				case 'advance':
					await controller.advance(command.ms);
					break;
				case 'next-deadline':
					await controller.advanceToNextDeadline();
					break;
				case 'jump':
					await controller.jumpToDay(command.day);
					break;
				case 'toggle-network':
					await controller.toggleNetwork();
					break;
				case 'swap-hardware':
					await controller.swapHardware();
					break;
				case 'restart':
					await controller.restart();
					break;
				case 'step':
					await controller.stepScenario();
					break;
			}
			const after = controller.view();
			const message = after.message !== before.message ? after.message : null;
			report(demoStatus(command, before, after, message, lang, timeZone));
		},
		[source, report, lang, timeZone],
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
						reason: presented.failure.message.replace(/\.$/, ''),
					}),
				});
			}
			return '';
		},
		[source, lang, report],
	);

	const runEngine = useCallback(
		async (command: Exclude<UiCommand, {type: 'quit' | 'demo'}>) => {
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
					const outcome = await runtime.activate();
					report(
						withTrust(
							trusted,
							activationStatus(outcome, before, runtime.snapshot(), lang),
						),
					);
					if (outcome.ok)
						dispatch({type: 'settings', action: {type: 'activated'}});
					break;
				}
				case 'connect': {
					const trusted = await trustFirst('ui.connect-now');
					if (trusted === '') break;
					report(
						withTrust(trusted, connectStatus(await runtime.connect(), lang)),
					);
					break;
				}
				case 'export': {
					const exported = await runtime.exportActivationRequest();
					if (!exported.ok) {
						report(
							exported.code === 'nothing-to-activate'
								? {tone: 'error', text: t(lang, 'activation.nothing')}
								: {tone: 'error', text: renderOutcome(lang, exported)},
						);
						break;
					}
					await files.write(command.path, exported.text);
					const parts = [
						t(lang, 'manual.request-exported', {path: command.path}),
					];
					if (source.offlinePortal) {
						// Demo: the simulated vendor portal answers at once, so R5 can be shown end to end.
						const responsePath =
							ui.current.settings.text.importPath.value.trim() ||
							DEFAULT_RESPONSE_PATH;
						await files.write(
							responsePath,
							await source.offlinePortal(exported.text),
						);
						parts.push(
							t(lang, 'ui.manual.demo-answered', {path: responsePath}),
						);
					}
					report({tone: 'ok', text: parts.join(' ')});
					break;
				}
				case 'import': {
					let text: string;
					try {
						text = await files.read(command.path);
					} catch (error) {
						report({
							tone: 'error',
							text: t(lang, 'manual.unreadable', {
								path: command.path,
								reason: fileError(error),
							}),
						});
						break;
					}
					const before = runtime.snapshot();
					const outcome = await runtime.importActivationResponse(text);
					report(activationStatus(outcome, before, runtime.snapshot(), lang));
					if (outcome.ok)
						dispatch({type: 'settings', action: {type: 'activated'}});
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
		[source, dispatch, report, lang, files, ui, trustFirst],
	);

	const execute = useCallback(
		async (command: UiCommand) => {
			if (command.type === 'quit') {
				exit();
				return;
			}
			if (command.type === 'demo') {
				// One after another: the controller ignores a control while one runs, and n n n
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
	export: 'ui.busy.export',
	import: 'ui.busy.import',
	'device-activate': 'ui.busy.device',
	'device-deactivate': 'ui.busy.device',
} as const satisfies Record<
	Exclude<UiCommand['type'], 'quit' | 'demo'>,
	string
>;

/** The status of a command run just after the admin trusted a key: both, said in order. */
function withTrust(
	trusted: string | null,
	status: StatusMessage,
): StatusMessage {
	return trusted === null
		? status
		: {tone: status.tone, text: `${trusted} ${status.text}`};
}

function fileError(error: unknown): string {
	if (
		error &&
		typeof error === 'object' &&
		'code' in error &&
		error.code === 'ENOENT'
	)
		return 'no such file';
	return error instanceof Error ? error.message : String(error);
}
