/**
 * The demo's own words (issue 13): its pickers, prompts, simulation bar and what its controls
 * did. Part of the English catalog (`en.ts` spreads it in), kept apart as the demo's one table of
 * texts; `demo-fr.ts` has the same ids.
 */
export const demoEn = {
	// Pickers (Ctrl+K, T, v, o)
	'ui.demo.pick.key':
		'Paste which demo key? One installation key per server: o opens the demo again for another.',
	'ui.demo.pick.network':
		'The network between this server and the license server (now: {state}):',
	'ui.demo.network-choice.online': 'online: the license server answers',
	'ui.demo.network-choice.offline': 'offline: no answer at all',
	'ui.demo.network-choice.error': 'server errors: it answers 500',
	'ui.demo.network-choice.slow':
		'slow: the answer comes after the client gave up',
	'ui.demo.network-choice.garbage':
		'garbled: unreadable or badly signed answers',
	// A license in few words, where a picker's row has no room for it whole
	'ui.demo.license-short.subscription': '{devices} dev., {days} days',
	'ui.demo.license-short.subscription-renews':
		'{devices} dev., {days} days, renews',
	'ui.demo.license-short.perpetual': '{devices} dev., perpetual',
	'ui.demo.pick.target': 'The vendor acts on which key or license?',
	'ui.demo.target.whole-key': 'the whole key: all its subscriptions',
	'ui.demo.target.elsewhere': 'not on this server',
	'ui.demo.pick.action': 'What does the vendor do to {target}?',
	'ui.demo.vendor-choice.extend': 'Extend it by a number of days…',
	'ui.demo.vendor-choice.cancel-renewal': 'Cancel its automatic renewal',
	'ui.demo.vendor-choice.revoke': 'Revoke it: it ends at once',
	'ui.demo.pick.scenario':
		'Open which scenario? It starts at day 0; what was done here is forgotten.',
	'ui.demo.scenario-open': 'open now',
	'ui.demo.scenario-name.demo': 'every banner and stop',
	'ui.demo.scenario-title.demo':
		'The demo: every banner and every stop (keys SUB, MIX, MULTI)',
	'ui.demo.scenario-title.expiry': 'Training: a subscription expires',
	'ui.demo.scenario-title.outage': 'Training: the license server out of reach',
	'ui.demo.scenario-title.hardware-change': 'Training: new hardware',
	'ui.demo.scenario-title.manual-activation': 'Training: manual activation',
	'ui.demo.scenario-title.clock-rollback': 'Training: the clock set back',

	// Prompts (b, and the vendor's extend)
	'ui.demo.prompt.clock':
		'Set the clock back by (61m, 2h; +1h sets it forward; 0 puts it right):',
	'ui.demo.prompt.extend': 'Extend {target} by how many days?',
	'ui.demo.prompt.clock-invalid':
		'Type minutes (61), or 61m, 2h, 1d; +1h sets it forward; 0 puts it right.',
	'ui.demo.prompt.days-invalid': 'Type a whole number of days, 1 to 3650.',
	'ui.demo.mode.clock': 'clock',
	'ui.demo.mode.days': 'days',

	// The simulation bar
	'ui.demo.clock-behind': 'clock −{minutes} min',
	'ui.demo.clock-ahead': 'clock +{minutes} min',
	'ui.demo.next-step': 'c ▸ step {done}/{total}, {step}',
	'ui.demo.next-step-late': 'c ▸ step {done}/{total}, now: {what}',
	'ui.demo.steps-done': 'Scenario done ({total} steps) · o opens another one',
	'ui.demo.no-steps': 'No scripted steps · o opens a training scenario',
	'ui.demo.ahead': '{count} recorded ahead',

	// What a control did (the status line)
	'ui.demo.busy.replay': 'Replaying from day 0…',
	'ui.demo.busy.time': 'Moving time…',
	'ui.demo.result.next-change': 'Next change, day {day} ({date}): {what}.',
	'ui.demo.result.no-change':
		'Nothing visible changed by the next contact: day {day} ({date}).',
	'ui.demo.result.nothing-ahead':
		'Nothing changes by itself yet: nothing is activated. Activate a license, or move time with h d w m.',
	'ui.demo.result.replayed':
		'Back to day {day} ({date}): replayed from day 0, {actions} recorded action(s) done again.',
	'ui.demo.result.ahead':
		'{count} later action(s) recorded: moving forward does them again, a new action forgets them.',
	'ui.demo.result.no-earlier-change':
		'The timeline marks no change before today.',
	'ui.demo.result.already-there': 'Already at day {day}.',
	'ui.demo.result.past-end':
		"Day {day} is past the end of this scenario's timeline (day {days}).",
	'ui.demo.result.network': 'Network: {what}.',
	'ui.demo.result.clock-back':
		'The server clock went back {minutes} min: {now}.',
	'ui.demo.result.clock-forward':
		'The server clock went forward {minutes} min: {now}.',
	'ui.demo.result.clock-right': 'The server clock is right already.',
	'ui.demo.clock.behind': 'it is {minutes} min behind true time',
	'ui.demo.clock.ahead': 'it is {minutes} min ahead of true time',
	'ui.demo.clock.right': 'it is right again',
	'ui.demo.result.vendor-extend':
		'The vendor extended {target} by {days} days on its server: the next contact (Connect now) brings it in.',
	'ui.demo.result.vendor-cancel-renewal':
		'The vendor cancelled the automatic renewal of {target}: the next contact (Connect now) brings it in.',
	'ui.demo.result.vendor-revoke':
		'The vendor revoked {target}: the next contact (Connect now) brings it in.',
	'ui.demo.vendor-refused.not-a-subscription':
		'The vendor cannot {action} {target}: it is perpetual, it has no term.',
	'ui.demo.vendor-refused.revoked':
		'The vendor cannot {action} {target}: it was revoked.',
	'ui.demo.vendor-refused.not-activated':
		'The vendor cannot {action} {target}: it was never activated, and a term starts at the first activation.',
	'ui.demo.vendor-verb.extend': 'extend',
	'ui.demo.vendor-verb.cancel-renewal': 'cancel the renewal of',
	'ui.demo.vendor-verb.revoke': 'revoke',
	'ui.demo.result.opened':
		'Opened: {title}, at day 0. c steps through it; each note shows in the bar.',
	'ui.demo.result.unknown-scenario': 'There is no scenario {id} to open.',

	// What changed, for `x`
	'ui.demo.change.separator': '; ',
	'ui.demo.change.state': '{from} → {to}',
	'ui.demo.change.banner-shows': '{banner} shows',
	'ui.demo.change.banner-shows-days': '{banner} shows ({days} day(s))',
	'ui.demo.change.banner-goes': '{banner} goes',
	'ui.demo.change.banner-count': '{banner}: {days} day(s)',
	'ui.demo.change.capacity': 'capacity {from} → {to}',
	'ui.demo.change.term': 'a subscription renewed or changed its term',
	'ui.demo.change.licenses': 'a license changed its status',
	'ui.demo.banner.subscription-expiring': 'the expiry banner',
	'ui.demo.banner.license-problem': 'the license-problem banner',
	'ui.demo.banner.server-unreachable': 'the server-unreachable banner',
	'ui.demo.banner.server-stopped': 'the server-stopped banner',
	'ui.demo.banner.hardware-changed': 'the hardware banner',
	'ui.demo.banner.clock-tampered': 'the clock banner',

	// Help and footer
	'ui.help.demo.previous': 'back to the last change marked (replays day 0 on)',
	'ui.help.demo.network-state':
		'network: online, offline, errors, slow, garbled',
	'ui.help.demo.clock': 'set the server clock back (R15)',
	'ui.help.demo.vendor': 'the vendor: extend, cancel renewal, revoke',
	'ui.help.demo.scenarios': 'open the demo or a training scenario',
	'ui.help.demo.amount':
		'the amount: 61m, 2h, 1d; +1h forward; 0 puts it right',
	'ui.help.place.picker': 'a demo choice',
	'ui.help.place.prompt': 'a demo prompt',
	'ui.help.timeline-marks':
		'◆ the state or a banner changed that day · ┊ today · dim: recorded, happens again',
	'ui.key-hint.clock': 'clock',
	'ui.key-hint.vendor': 'vendor',
	'ui.key-hint.scenarios': 'scenarios',
	'ui.key-hint.apply': 'apply',
} as const satisfies Record<string, string>;
