/**
 * Issue 14 point 5: every export of `myq-license` and `myq-license/testing` has a JSDoc comment
 * with an example, as a user's editor shows it: read through TypeScript from the declarations
 * the package ships (dist/, built by `npm test` before vitest runs).
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const ENTRIES = {
	'myq-license': 'dist/source/index.d.ts',
	'myq-license/testing': 'dist/source/testing/index.d.ts',
};

const program = ts.createProgram(
	Object.values(ENTRIES).map((file) => path.resolve(file)),
	{
		module: ts.ModuleKind.NodeNext,
		moduleResolution: ts.ModuleResolutionKind.NodeNext,
		skipLibCheck: true,
		noEmit: true,
	},
);
const checker = program.getTypeChecker();

/** Each export of the entry, and what its documentation lacks ('' when nothing). */
function exportsOf(file: string): {name: string; lacks: string}[] {
	const source = program.getSourceFile(path.resolve(file));
	if (!source) throw new Error(`${file} is not built: run npm run build`);
	const module = checker.getSymbolAtLocation(source)!;
	return checker.getExportsOfModule(module).map((symbol) => {
		const target =
			symbol.flags & ts.SymbolFlags.Alias
				? checker.getAliasedSymbol(symbol)
				: symbol;
		const text = ts.displayPartsToString(
			target.getDocumentationComment(checker),
		);
		const hasExample = target
			.getJsDocTags(checker)
			.some((tag) => tag.name === 'example');
		return {
			name: symbol.name,
			lacks: text.trim() === '' ? 'a comment' : hasExample ? '' : 'an @example',
		};
	});
}

describe('API docs (issue 14 point 5)', () => {
	for (const [entry, file] of Object.entries(ENTRIES)) {
		it(`every export of ${entry} has a JSDoc comment with an example`, () => {
			const exported = exportsOf(file);
			expect(exported.length).toBeGreaterThan(5);
			expect(
				exported
					.filter((each) => each.lacks !== '')
					.map((each) => `${each.name} lacks ${each.lacks}`),
			).toEqual([]);
		});
	}
});

describe('README: Use it in your tests', () => {
	it('shows the consumer test that npm test runs on the packed tarball, as it is', async () => {
		const readme = await readFile('README.md', 'utf8');
		const test = await readFile(
			'test/consumer/project/license-screen.test.ts',
			'utf8',
		);
		// Its opening comment says where it runs; the rest is the example.
		const example = test.replace(/^(\/\/.*\n)+/, '');
		expect(readme).toContain('## Use it in your tests');
		expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
	});
});
