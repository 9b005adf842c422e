// Preloaded with --import: reports every module the program resolves, on stderr, so a test can
// check that a command loads nothing it does not need (Ink, React).
import {register} from 'node:module';

register(
	'data:text/javascript,' +
		encodeURIComponent(`
export async function resolve(specifier, context, next) {
	const result = await next(specifier, context);
	process.stderr.write('[import] ' + result.url + '\\n');
	return result;
}`),
);
