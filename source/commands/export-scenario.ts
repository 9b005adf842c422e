/**
 * `myq-license export-scenario [--store URL] [-o FILE] [--keep-personal-data] [--json]`
 * (SPEC §5): the installation's stored history as a scenario file that replays to the states it
 * went through. The store is opened read-only and only read: no runtime runs, so exporting on
 * another machine (a copy of the store) sees no other hardware, and no vendor key is needed
 * (the file is for a replay, not for trusting licenses). Without -o the file goes to stdout;
 * with --json it is the JSON form of the same schema, its notes on stderr (JSON has no comments).
 */
import {writeFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, usageError} from './report.js';

export const command = defineCommand({
	// It takes none, and says its own usage when given some.
	takesArguments: true,
	flags: {
		out: {type: 'string', shortFlag: 'o'},
		keepPersonalData: {type: 'boolean'},
	},
	async run(cli) {
		if (cli.input.length > 0) {
			throw await usageError(cli.lang, 'cli.error.export-usage');
		}
		const [
			{openConfiguredStore},
			{parseStoredRecord},
			{exportScenario, renderScenarioYaml, scenarioData},
			{t, formatMessage},
		] = await Promise.all([
			import('./compose.js'),
			import('../runtime/stored-record.js'),
			import('../../simulator/export/index.js'),
			import('../i18n/index.js'),
		]);
		const store = await openConfiguredStore(cli.flags.store, {readOnly: true});
		let loaded: Awaited<ReturnType<typeof store.load>>;
		try {
			loaded = await store.load();
		} finally {
			await store.close();
		}
		const record =
			loaded.kind === 'loaded' ? parseStoredRecord(loaded.value) : null;
		if (record === null) {
			print(
				[
					t(
						cli.lang,
						loaded.kind === 'empty'
							? 'cli.export.empty-store'
							: 'cli.export.unreadable-store',
					),
				],
				'err',
			);
			return EXIT.failed;
		}
		const now = Date.now();
		const keepPersonalData = cli.flags.keepPersonalData === true;
		const exported = exportScenario(record.state, {
			now,
			lang: cli.lang,
			keepPersonalData,
		});
		if (exported === null) {
			print([t(cli.lang, 'cli.export.no-history')], 'err');
			return EXIT.failed;
		}
		let text: string;
		if (cli.flags.json) {
			text = `${JSON.stringify(scenarioData(exported), null, 2)}\n`;
			// JSON has no comments: the notes go to stderr.
			print(
				exported.notes.map((note) => formatMessage(cli.lang, note)),
				'err',
			);
		} else {
			text = renderScenarioYaml(exported, {exportedAt: now, keepPersonalData});
		}
		const file = cli.flags.out;
		if (file === undefined || file === '-') {
			process.stdout.write(text);
			return EXIT.ok;
		}
		try {
			await writeFile(file, text, {mode: keepPersonalData ? 0o600 : 0o644});
		} catch (error) {
			print(
				[
					t(cli.lang, 'cli.error.cannot-write', {
						file,
						reason: (error as Error).message,
					}),
				],
				'err',
			);
			return EXIT.failed;
		}
		print([t(cli.lang, 'cli.export.written', {file, days: exported.days})]);
		return EXIT.ok;
	},
});
