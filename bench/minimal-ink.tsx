/**
 * The smallest Ink app, built the usual way (tsc, run from dist/ with its imports resolved from
 * node_modules, not bundled): one `<Text>`. `npm run bench` times the dashboard's Home against
 * its first frame, both in a pty at 80×24 (issue 16). React's production build, as the
 * dashboard runs (the bench sets NODE_ENV=production for it).
 */
import {render, Text} from 'ink';

render(<Text>minimal ink app</Text>);
