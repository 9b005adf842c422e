/**
 * The acceptance of issues 5 and 12, as a new user would try it: scripts/tmux-newcomer.sh drives
 * `npm start` in a real terminal (tmux, 80×24) through the whole newcomer path, in English and
 * in French, checking the screen at every step: since issue 12 with its input model (Enter
 * types into a field, Esc stops, Ctrl+T moves time) and a manual activation by text copied from
 * the screen and pasted back. A real terminal also checks Ink's incremental frames land where
 * they should (a frame one row off garbles what tmux shows). It needs tmux and the build (npm test builds);
 * without them it fails and says what to install, it is never skipped.
 */
import {execFile, execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, MISSING_BUILD} from '../helpers/bin.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/tmux-newcomer.sh');

function requireTools() {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
	} catch {
		throw new Error(
			'tmux is not installed: this test drives the dashboard in tmux. Install it (apt-get install tmux, brew install tmux).',
		);
	}
	if (!existsSync(CLI)) {
		throw new Error(MISSING_BUILD);
	}
}

function runScript(
	env: Record<string, string>,
): Promise<{code: number; output: string}> {
	const base = {...process.env};
	for (const name of [
		'LANG',
		'LC_ALL',
		'LC_MESSAGES',
		'FORCE_COLOR',
		'NO_COLOR',
		'CI',
	])
		delete base[name];
	return new Promise((resolve) => {
		execFile(
			'bash',
			[SCRIPT],
			{cwd: ROOT, env: {...base, ...env}, timeout: 150_000},
			(error, stdout, stderr) => {
				const code = error
					? typeof error.code === 'number'
						? error.code
						: 1
					: 0;
				resolve({code, output: `${stdout}${stderr}`});
			},
		);
	});
}

describe('issue 5 acceptance: the newcomer path in tmux at 80×24', () => {
	it.each([
		['English', {LANG: 'en_US.UTF-8'}],
		['French', {LANG: 'fr_FR.UTF-8'}],
	])(
		'%s: Enter license, form, demo key, Save, Activate, banners, hardware swap, a key added offline, manual activation by pasted text, help, quit',
		async (_language, env) => {
			requireTools();
			const {code, output} = await runScript(env);
			expect(output).toContain('all 18 steps held');
			expect(code, output).toBe(0);
		},
		160_000,
	);
});
