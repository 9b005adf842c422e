import {it} from 'vitest';
import {createController, renderDashboard} from '../ui/dashboard-world.js';
import {KEY} from '../ui/render.js';

it('look', async () => {
	const controller = await createController();
	await controller.stepScenario();
	await controller.stepScenario();
	await controller.setNetwork('offline');
	const {screen} = renderDashboard(controller, {
		columns: 80,
		rows: 24,
		lang: 'en',
	});
	await screen.waitFor('MyQ License');
	await screen.press('2');
	await screen.press(KEY.tab);
	await screen.press(KEY.tab);
	await screen.press(KEY.enter);
	await screen.waitFor(/Activation failed|could not/);
	console.log(screen.frame());
	await controller.setNetwork('error');
	await screen.press(KEY.enter);
	await new Promise((r) => setTimeout(r, 300));
	console.log(screen.frame());
	screen.unmount();
	await controller.dispose();
});
