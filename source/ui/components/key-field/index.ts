export {type KeyFeedback, type KeyVerdict, keyFeedback} from './feedback.js';
export {keyFeedbackLines} from './view.js';
