/**
 * A dashboard on the simulator for tests: a DemoController (fake clock, simulated license
 * server, named hardware) from fixtures/demo.yaml or a scenario text, rendered at a fixed size.
 */
import {DemoController} from '../../simulator/demo.js';
import {parseScenario} from '../../simulator/scenario/index.js';
import type {Lang} from '../../source/i18n/index.js';
import {App, type AppProps, type FileAccess} from '../../source/ui/app.js';
import {
	createDemoSource,
	type DashboardSource,
} from '../../source/ui/dashboard-source.js';
import {ThemeContext} from '../../source/ui/theme.js';
import {renderScreen, type Screen} from './render.js';

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

export function memoryFiles(files: Map<string, string>): FileAccess {
	return {
		async read(path) {
			const text = files.get(path);
			if (text === undefined)
				throw Object.assign(new Error(`ENOENT: ${path}`), {code: 'ENOENT'});
			return text;
		},
		async write(path, text) {
			files.set(path, text);
		},
		resolve: (folder) => (folder.trim() === '' ? '/data' : folder.trim()),
		defaultFolder: () => '/home/admin/.local/share/myq-license',
	};
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

/** Any source (the real runtime's too) in the dashboard, without colour, dates in UTC. */
export function renderSource(
	source: DashboardSource,
	options: RenderOptions = {},
): {screen: Screen; source: DashboardSource; files: Map<string, string>} {
	const files = new Map<string, string>();
	const screen = renderScreen(
		<ThemeContext.Provider value={{isColor: false, timeZone: 'UTC'}}>
			<App
				source={source}
				lang={options.lang ?? 'en'}
				files={memoryFiles(files)}
				{...options.app}
			/>
		</ThemeContext.Provider>,
		{columns: options.columns ?? 80, rows: options.rows ?? 24},
		{isScreenReader: options.isScreenReader ?? false},
	);
	return {screen, source, files};
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
