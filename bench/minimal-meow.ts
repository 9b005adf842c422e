/**
 * The smallest meow CLI: meow parses one flag, the program prints one JSON line. `npm run bench`
 * times it next to `node -e 0` (meow's own start-up cost) and `status --json` (ours above it).
 */
import meow from 'meow';

const cli = meow({
	importMeta: import.meta,
	flags: {name: {type: 'string', default: 'world'}},
	allowUnknownFlags: false,
});
process.stdout.write(`${JSON.stringify({hello: cli.flags.name})}\n`);
