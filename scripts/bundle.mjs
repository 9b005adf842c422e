/**
 * The shipped program (issue 16): one esbuild bundle of the CLI, split where the code loads
 * lazily, so `status --json` loads meow and the engine and nothing else, and the dashboard loads
 * Ink, React and es-toolkit from a few files instead of the 541 modules (415 of them
 * `es-toolkit/compat`, pulled in by Ink's `import {throttle} from 'es-toolkit/compat'`) that
 * Node resolves and compiles one by one from node_modules.
 *
 * Run by `npm run build` (and so by `prepare`, on `npm install` in a clone): writes
 * dist/bundle/myq-license.js (the bin), its chunks beside it, batch-worker.js (simulate
 * --jobs' worker, found beside the chunk that starts it) and dist/bundle-meta.json (esbuild's metafile: which
 * source modules went into which file, read by the tests that check what a command loads).
 *
 * Kept out of the bundle (resolved from node_modules at run time): the native modules and their
 * loaders (better-sqlite3, sqlite3 for @keyv/sqlite and the read-only store), pg (required by
 * license-server/sql/database.ts for a postgres:// URL only, with its optional pg-native), the
 * optional Keyv adapters, and Ink's optional React DevTools. Files read relative to the code (the demo's fixtures, package.json for
 * --version) are found by walking up from the bundle to the package root, as from dist/source.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');

/**
 * What `status` and every command that opens the store loads: these modules and all they import
 * statically. esbuild puts a module in the chunk of the set of entry points (the bin, and every
 * target of a lazy `import()`) that reach it, so the lazy imports spread this code over some 30
 * small files, each a file for Node to open, read and link at every start (a third of what
 * `status --json` spent above a bare meow CLI). Every module of ours imports this list (added
 * here, in the bundle only): all of it is then reached from every entry point, and lands in one
 * file. What stays lazy (Ink, React, the catalogs, the simulator, the license server, zod) keeps
 * its own files, and so do the two modules that load sqlite3 (read-only-sqlite.ts, @keyv/sqlite):
 * a native module loads when a store opens, never for `--help`.
 */
const CORE = [
	'source/commands/status.ts',
	'source/commands/compose.ts',
	'source/commands/status-document.ts',
	'source/adapters/keyv-store.ts',
	'source/adapters/trust-file.ts',
];
const CORE_MODULE = 'myq-license:core';
const OWN_FOLDERS = ['source', 'simulator'].map(
	(folder) => path.join(root, folder) + path.sep,
);

/** Adds `import 'myq-license:core'` to each of our modules (see CORE). */
const coreInEveryChunk = {
	name: 'core-in-every-chunk',
	setup(bundle) {
		bundle.onResolve({filter: /^myq-license:core$/}, () => ({
			path: CORE_MODULE,
			namespace: 'myq-license',
		}));
		bundle.onLoad({filter: /.*/, namespace: 'myq-license'}, () => ({
			contents: CORE.map(
				(file) => `import ${JSON.stringify(path.join(root, file))};`,
			).join('\n'),
			resolveDir: root,
			loader: 'js',
		}));
		bundle.onLoad({filter: /\.tsx?$/}, (args) => {
			if (!OWN_FOLDERS.some((folder) => args.path.startsWith(folder))) {
				return undefined;
			}
			const text = readFileSync(args.path, 'utf8');
			// A hashbang stays the first line.
			const hashbang = text.startsWith('#!')
				? text.slice(0, text.indexOf('\n') + 1)
				: '';
			return {
				contents: `${hashbang}import '${CORE_MODULE}';\n${text.slice(hashbang.length)}`,
				loader: args.path.endsWith('x') ? 'tsx' : 'ts',
			};
		});
	},
};

/**
 * Ink's frame building, faster (issue 16, keystroke to frame): Ink's Output
 * (ink/build/output.js) becomes source/ui/ink-output.ts's, given Ink's own tokenizer and
 * width functions, and the widest-line Ink imports becomes source/ui/ink-widest-line.ts's.
 * Both draw the same frames (test/ink-output.test.ts compares them with Ink's) with their
 * work kept across frames. Done here, so node_modules stays as npm installed it.
 */
const INK_BUILD = path.join(root, 'node_modules', 'ink', 'build') + path.sep;
const inkFrames = {
	name: 'ink-frames',
	setup(bundle) {
		bundle.onResolve({filter: /^widest-line$/}, (args) =>
			args.importer.startsWith(INK_BUILD)
				? {path: path.join(root, 'source/ui/ink-widest-line.ts')}
				: undefined,
		);
		bundle.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, (args) => {
			if (args.path !== `${INK_BUILD}output.js`) return undefined;
			return {
				contents: [
					"import sliceAnsi from 'slice-ansi';",
					"import stringWidth from 'string-width';",
					"import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';",
					`import {outputClass} from ${JSON.stringify(path.join(root, 'source/ui/ink-output.ts'))};`,
					'export default outputClass({sliceAnsi, stringWidth, tokenize, styledCharsFromTokens, styledCharsToString});',
				].join('\n'),
				resolveDir: INK_BUILD,
				loader: 'js',
			};
		});
	},
};

rmSync(outdir, {recursive: true, force: true});
mkdirSync(outdir, {recursive: true});

const result = await build({
	absWorkingDir: root,
	entryPoints: {
		'myq-license': 'source/cli.ts',
		'batch-worker': 'simulator/batch-worker.ts',
	},
	outdir,
	entryNames: '[name]',
	chunkNames: '[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20.19',
	external: ['better-sqlite3', 'sqlite3', 'pg-native', 'react-devtools-core'],
	// CommonJS packages inside an ES module bundle still call require() for Node's builtins.
	banner: {
		js: "import {createRequire as __myqCreateRequire} from 'node:module'; const require = __myqCreateRequire(import.meta.url);",
	},
	// React's production build only (the dashboard asks for it anyway): its development builds
	// (react-reconciler's is 700 kB) are not shipped, nor compiled at every start. The
	// dashboard's own `NODE_ENV ??= 'production'` stays for the unbundled build (dist/source).
	define: {'process.env.NODE_ENV': '"production"'},
	logOverride: {'assign-to-define': 'silent'},
	// Less text for V8 to parse at each start; names are kept, so a stack trace (MYQ_DEBUG=1)
	// still reads.
	minifyWhitespace: true,
	minifySyntax: true,
	plugins: process.env.NOFAST
		? [coreInEveryChunk]
		: [inkFrames, coreInEveryChunk],
	metafile: true,
	legalComments: 'none',
	logLevel: 'warning',
});

// Beside the bundle, not in it: the package ships dist/bundle, and the metafile is for the tests.
writeFileSync(
	path.join(root, 'dist', 'bundle-meta.json'),
	JSON.stringify(result.metafile),
);
