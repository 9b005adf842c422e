/**
 * What each scenario step does (SPEC §5 `steps`): one entry a step kind, keyed by the kinds of
 * the step table (scenario/steps.ts). `satisfies` makes the compiler refuse a kind added there
 * until it is performed here.
 */
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {failed, serverRefusal, succeeded} from '../source/runtime/outcome.js';
import type {Outcome} from '../source/runtime/runtime.js';
import {toSignedFileText} from '../source/signing/index.js';
import type {Scenario, Step, StepKind, StepOf} from './scenario/index.js';
import type {SimulatedWorld} from './world.js';

export const SIMULATED_SERVER = 'http://license-server.simulated';
export const ADMIN_TOKEN = 'simulator-admin-token';

/** What a step acts on: the simulation (runner.ts) as the steps see it. */
export type StepTarget = {
	readonly scenario: Scenario;
	readonly world: SimulatedWorld;
	/** Alias -> key, minted at setup. */
	readonly keys: ReadonlyMap<string, string>;
	/** A MyQ server restart on the current hardware, its new events collected. */
	restart(): Promise<void>;
	/** Adds an event of the simulator's own (not from the engine's log), as a coded entry. */
	recordEvent(
		type: string,
		code: string,
		params: Record<string, string | number>,
	): void;
};

type Performer<K extends StepKind> = (
	target: StepTarget,
	step: StepOf<K>,
) => Promise<Outcome | null>;

/** Waits for the work a command starts (and time it waits on), then for its outcome. */
async function settled<T>(target: StepTarget, promise: Promise<T>): Promise<T> {
	await target.world.settle();
	return promise;
}

const PERFORMERS: {[K in StepKind]: Performer<K>} = {
	async register(target, step) {
		const form = {...target.scenario.customer, ...(step.customer ?? {})};
		return target.world.runtime.save(form, '');
	},
	async 'add-key'(target, step) {
		const text =
			step.key !== undefined
				? (target.keys.get(step.key) ?? step.key)
				: (step.literal ?? '');
		const saved = await target.world.runtime.save(null, text);
		if (!saved.ok) {
			return saved;
		}
		return saved.refused.length > 0
			? failed('key-refusals', {
					reasons: saved.refused.map((refusal) => refusal.message).join(' '),
				})
			: saved;
	},
	activate: (target) => settled(target, target.world.runtime.activate()),
	'activate-manual': (target, step) => activateManually(target, step),
	'import-response': (target, step) => activateManually(target, step),
	connect: (target) => settled(target, target.world.runtime.connect()),
	async hardware(target, step) {
		target.world.hardware.name = step.use;
		await target.restart();
		return null;
	},
	async restart(target) {
		await target.restart();
		return null;
	},
	async network(target, step) {
		target.world.network.setState(step.state);
		return null;
	},
	async clock(target, step) {
		// The engine sees time all along (the real runtime checks it hourly): let it see
		// the instant before the change, then the changed clock.
		await settled(target, target.world.runtime.observe());
		target.world.clock.shift(step.shift);
		await settled(target, target.world.runtime.observe());
		return null;
	},
	async devices(target, step) {
		const runtime = target.world.runtime;
		let last: Outcome | null = null;
		for (let index = 0; index < (step.activate ?? 0); index++) {
			last = await runtime.activateDevice();
		}
		for (let index = 0; index < (step.deactivate ?? 0); index++) {
			last = await runtime.deactivateDevice();
		}
		return last;
	},
	vendor: (target, step) => vendorAction(target, step),
};

/** Runs one scenario step. Returns the outcome of commands that have one. */
export function performStep(
	target: StepTarget,
	step: Step,
): Promise<Outcome | null> {
	const perform = PERFORMERS[step.do] as Performer<StepKind>;
	return perform(target, step);
}

/** R5 end to end: export the request, the vendor portal answers, import the response. */
async function activateManually(
	target: StepTarget,
	step: Step,
): Promise<Outcome> {
	const {runtime, vendor, hardware} = target.world;
	const exported = await runtime.exportActivationRequest();
	if (!exported.ok) {
		return exported;
	}
	const tamper = step.do === 'import-response' ? step.tamper : undefined;
	let request = exported.text;
	if (tamper === 'other-fingerprint') {
		// The request as another server would have made it: same request, other hardware.
		const other = await createNamedProbe(
			`${hardware.name}-elsewhere`,
		).fingerprint();
		request = toSignedFileText({
			...(JSON.parse(request) as object),
			fingerprint: other,
		});
	}
	let response: string;
	try {
		response = await vendor.service.offlineActivate(request);
	} catch (error) {
		return failed('portal-refused', {reason: (error as Error).message});
	}
	if (tamper === 'flip-byte') {
		const index = Math.floor(response.length / 2);
		response = `${response.slice(0, index)}${response[index] === 'A' ? 'B' : 'A'}${response.slice(index + 1)}`;
	}
	if (tamper === 'other-request') {
		// A newer request was exported since: the response answers the old one.
		await runtime.exportActivationRequest();
	}
	return runtime.importActivationResponse(response);
}

/** Vendor actions go through the admin API, as an operator's would. */
async function vendorAction(
	target: StepTarget,
	step: StepOf<'vendor'>,
): Promise<Outcome> {
	const [alias, index] = step.key.split('/');
	const key = target.keys.get(alias!) ?? alias!;
	const id = index === undefined ? key : `${key}/${index}`;
	const response = await target.world.vendor.app.fetch(
		new Request(
			`${SIMULATED_SERVER}/v1/admin/keys/${encodeURIComponent(id)}/${step.action}`,
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${ADMIN_TOKEN}`,
					'content-type': 'application/json',
				},
				body: JSON.stringify(step.action === 'extend' ? {days: step.days} : {}),
			},
		),
	);
	const body = (await response.json()) as {
		error?: {code: string; message: string};
	};
	target.recordEvent(
		'vendor-action',
		response.ok ? `vendor-${step.action}` : 'vendor-refused',
		{
			action: step.action,
			key: step.key,
			...(step.action === 'extend' ? {days: step.days ?? 0} : {}),
			...(response.ok ? {} : {message: body.error?.message ?? ''}),
		},
	);
	if (!response.ok) {
		return serverRefusal(
			'vendor-refused',
			body.error?.code ?? 'vendor',
			body.error?.message ?? '',
		);
	}
	return step.action === 'extend'
		? succeeded('vendor-extended', {key: step.key, days: step.days ?? 0})
		: succeeded('vendor-done', {action: step.action, key: step.key});
}
