/**
 * A dashboard on the simulator for tests: a DemoController (fake clock, simulated license
 * server, named hardware) from fixtures/demo.yaml or a scenario text, drawn at a fixed size by
 * myq-license/testing's dashboard (source/testing/dashboard.tsx) on its terminal
 * (ink-testing-library: screen.ts).
 */
import {DemoController} from '../../simulator/demo.js';
import {parseScenario} from '../../simulator/scenario/index.js';
import type {Lang} from '../../source/i18n/index.js';
import {dashboardTree, sizeOf} from '../../source/testing/dashboard.js';
import {memoryFiles} from '../../source/testing/files.js';
import type {AppProps} from '../../source/ui/app.js';
import {
	createDemoSource,
	type DashboardSource,
} from '../../source/ui/dashboard-source.js';
import {renderScreen, type Screen} from './screen.js';

export {memoryFiles};

export type DashboardWorld = {
	controller: DemoController;
	source: DashboardSource;
	screen: Screen;
	files: Map<string, string>;
	dispose(): Promise<void>;
};

export async function createController(
	scenarioText?: string,
): Promise<DemoController> {
	return scenarioText === undefined
		? DemoController.create()
		: DemoController.create({
				scenario: parseScenario(scenarioText, {fileName: 'test.yaml'}),
			});
}

/**
 * A scenario of one perpetual license key for two devices, which its first three steps register,
 * add and activate (day 0), for the given customer (a YAML flow mapping).
 */
export function twoDeviceScenario(
	name: string,
	customer = '{company: Acme, person: Jane Roe, address: "1 Rue X", country: FR, email: it@acme.test}',
): string {
	return `
name: ${name}
start: 2027-01-04T09:00:00Z
days: 30
customer: ${customer}
hardware: [server-a]
keys:
  L2: {type: license, kind: perpetual, devices: 2}
steps:
  - {day: 0, do: register}
  - {day: 0, do: add-key, key: L2}
  - {day: 0, do: activate}
expect: []
`;
}

type RenderOptions = {
	lang?: Lang;
	columns?: number;
	rows?: number;
	app?: Partial<AppProps>;
	/** Ink's screen-reader mode (INK_SCREEN_READER=true): frames are plain lines. */
	isScreenReader?: boolean;
};

export function renderDashboard(
	controller: DemoController,
	options: RenderOptions = {},
): {screen: Screen; source: DashboardSource; files: Map<string, string>} {
	return renderSource(createDemoSource(controller), options);
}

/**
 * Any source (the real runtime's too) in the dashboard, without colour, dates in UTC, files in
 * memory; 80×24 unless asked.
 */
export function renderSource(
	source: DashboardSource,
	options: RenderOptions = {},
): {screen: Screen; source: DashboardSource; files: Map<string, string>} {
	const dashboard = {
		lang: options.lang ?? 'en',
		columns: options.columns ?? 80,
		rows: options.rows ?? 24,
	};
	const {tree, files} = dashboardTree(source, dashboard, options.app);
	const screen = renderScreen(tree, sizeOf(dashboard), {
		isScreenReader: options.isScreenReader ?? false,
		settle: () => demoSettled(source),
	});
	return {screen, source, files};
}

/**
 * A key that asked the demo for a control (or a command it records) made it busy: resolves when
 * it is done, true then; false at once when nothing was running.
 */
async function demoSettled(source: DashboardSource): Promise<boolean> {
	const demo = source.demo;
	if (!demo?.view().busy) return false;
	await new Promise<void>((resolve) => {
		const check = () => {
			if (demo.view().busy) return;
			unsubscribe();
			resolve();
		};
		const unsubscribe = demo.subscribe(check);
		check();
	});
	return true;
}

export async function dashboardWorld(
	options: RenderOptions & {scenario?: string} = {},
): Promise<DashboardWorld> {
	const controller = await createController(options.scenario);
	const {screen, source, files} = renderDashboard(controller, options);
	return {
		controller,
		source,
		screen,
		files,
		async dispose() {
			screen.unmount();
			await controller.dispose();
		},
	};
}
