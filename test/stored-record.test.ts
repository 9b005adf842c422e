import {describe, expect, it} from 'vitest';
import {initialState} from '../source/engine/step.js';
import {parseStoredRecord} from '../source/runtime/stored-record.js';

const valid = () => ({
	format: 'myq-license-state',
	version: 1,
	revision: 3,
	state: {
		...initialState('inst-1', 1000),
		customer: {
			company: 'Acme',
			person: 'Jane Roe',
			address: 'x',
			country: 'FR',
			email: 'a@b.test',
		},
		pending: [{key: 'K', kind: 'license', addedAt: 1000}],
		devices: [{id: 'd1', activatedAt: 1000}],
		log: [{at: 1000, type: 'started', detail: 'server started'}],
	},
	vendorKey: null,
});

describe('R16 the stored record is checked at every load', () => {
	it('accepts what the runtime writes', () => {
		expect(parseStoredRecord(valid())).not.toBeNull();
	});

	it('accepts log entries as codes beside entries stored before codes (history is kept)', () => {
		const record = valid();
		record.state.log = [
			...record.state.log,
			{
				at: 2000,
				type: 'state-changed',
				code: 'state-changed',
				params: {from: 'unlicensed', to: 'running'},
			},
		] as typeof record.state.log;
		expect(parseStoredRecord(record)).not.toBeNull();
	});

	it.each<[string, (record: ReturnType<typeof valid>) => unknown]>([
		['not an object', () => 'state'],
		['another format', (record) => ({...record, format: 'other'})],
		[
			'a revision that is not a whole number',
			(record) => ({...record, revision: 1.5}),
		],
		['no state', (record) => ({...record, state: undefined})],
		[
			'an empty installation id',
			(record) => ({...record, state: {...record.state, installationId: ''}}),
		],
		[
			'a pending key of an unknown kind',
			(record) => ({
				...record,
				state: {
					...record.state,
					pending: [{key: 'K', kind: 'gift', addedAt: 1}],
				},
			}),
		],
		[
			'a time that is a string',
			(record) => ({
				...record,
				state: {...record.state, startedAt: '2027-01-01'},
			}),
		],
		[
			'a customer without an email',
			(record) => ({
				...record,
				state: {
					...record.state,
					customer: {company: 'a', person: 'b', address: 'c', country: 'FR'},
				},
			}),
		],
		[
			'a document without a signature',
			(record) => ({
				...record,
				state: {...record.state, document: {payload: {}}},
			}),
		],
		[
			'devices that are not a list',
			(record) => ({...record, state: {...record.state, devices: {}}}),
		],
		[
			'a log entry without a type',
			(record) => ({
				...record,
				state: {...record.state, log: [{at: 1, detail: 'x'}]},
			}),
		],
		[
			'a log entry whose params hold an object',
			(record) => ({
				...record,
				state: {
					...record.state,
					log: [{at: 1, type: 'started', code: 'started', params: {x: {}}}],
				},
			}),
		],
		['a vendor key that is a number', (record) => ({...record, vendorKey: 42})],
	])('R16 refuses %s', (_label, mutate) => {
		expect(parseStoredRecord(mutate(valid()))).toBeNull();
	});
});
