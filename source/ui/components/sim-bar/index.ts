export {type StripRun, stripRuns} from './strip.js';
export {SimBarView} from './view.js';
