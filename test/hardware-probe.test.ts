import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {
	componentsFromReadings,
	createNamedProbe,
	createSystemProbe,
	type FingerprintComponents,
	fingerprintFromComponents,
	type HardwareReadings,
	isGloballyUniqueMac,
	isPlaceholder,
	readHardwareWithSystemInformation,
	readSystemHardware,
} from '../source/adapters/hardware-probe.js';

/** What this dev container reports: no DMI, a VM-assigned MAC, a machine id baked in the image. */
const containerReadings: HardwareReadings = {
	hardwareUuid: '',
	systemSerial: '-',
	baseboardSerial: 'Default string',
	machineId: '3d1219c7c4c5404aaa1f6d2a48adfda4',
	cpu: 'AMD EPYC x2',
	macs: ['02:fc:00:00:00:01'],
};

/** A rack server read as root. */
const serverReadings: HardwareReadings = {
	hardwareUuid: '4C4C4544-0042-3510-8052-B4C04F4D4E32',
	systemSerial: 'B5RN4M2',
	baseboardSerial: '.B5RN4M2.CN7016367A0123.',
	machineId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
	cpu: 'Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz x48',
	macs: ['b0:26:28:5a:11:40', 'b0:26:28:5a:11:41'],
};

const fixedReadings = (readings: HardwareReadings) => async () => readings;

describe('R8 fingerprint from components', () => {
	it('R8: the fp1 format is frozen (stored activations are bound to it)', async () => {
		// Changing the algorithm would put every activated install into hardware-grace at once.
		// Expected values computed by an independent Python implementation of the same recipe.
		expect(
			fingerprintFromComponents({cpu: 'amd epyc x2', 'install-id': 'abc'}),
		).toBe('fp1:cddf86d6930e1092e0fea5d88919c192');
		await expect(createNamedProbe('server-a').fingerprint()).resolves.toBe(
			'fp1:da6d57182e0f6b00f76ca756e6d3a70c',
		);
		await expect(createNamedProbe('server-b').fingerprint()).resolves.toBe(
			'fp1:864fe6df5b6f9d028c502cd4db0913b9',
		);
	});

	it('R8: the order of components does not matter', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({minLength: 1}), fc.string(), {minKeys: 1}),
				fc.infiniteStream(fc.double({noNaN: true})),
				(components, noise) => {
					const shuffled = Object.entries(components)
						.map((entry) => ({entry, rank: noise.next().value}))
						.sort((a, b) => a.rank - b.rank)
						.map(({entry}) => entry);
					expect(fingerprintFromComponents(Object.fromEntries(shuffled))).toBe(
						fingerprintFromComponents(components),
					);
				},
			),
		);
	});

	it('R8: changing, adding or removing any one component changes the fingerprint', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({minLength: 1}), fc.string(), {minKeys: 2}),
				fc.nat(),
				fc.string(),
				(components, pick, replacement) => {
					const names = Object.keys(components);
					const name = names[pick % names.length] as string;
					const before = fingerprintFromComponents(components);
					fc.pre(components[name] !== replacement);
					expect(
						fingerprintFromComponents({...components, [name]: replacement}),
					).not.toBe(before);
					const {[name]: _removed, ...rest} = components;
					expect(fingerprintFromComponents(rest)).not.toBe(before);
				},
			),
		);
	});

	it('R8: a value moved to another component name is a different machine', () => {
		expect(fingerprintFromComponents({a: 'x', b: 'y'})).not.toBe(
			fingerprintFromComponents({a: 'y', b: 'x'}),
		);
		// Hashing each part on its own: no delimiter trick makes two sets collide.
		expect(fingerprintFromComponents({a: 'b\0c'})).not.toBe(
			fingerprintFromComponents({'a\0b': 'c'}),
		);
	});

	it('R8: looks like fp1:<32 hex> and never contains a raw serial', () => {
		const fingerprint = fingerprintFromComponents({
			'system-serial': 'b5rn4m2',
		});
		expect(fingerprint).toMatch(/^fp1:[0-9a-f]{32}$/);
		expect(fingerprint).not.toContain('b5rn4m2');
	});

	it('no components is an error, not a fingerprint shared by every empty machine', () => {
		expect(() => fingerprintFromComponents({})).toThrow(/at least one/);
	});
});

describe('named probe (simulator)', () => {
	it('R8: the same name gives the same fingerprint, other names another one', async () => {
		const a1 = await createNamedProbe('server-a').fingerprint();
		const a2 = await createNamedProbe('server-a').fingerprint();
		const b = await createNamedProbe('server-b').fingerprint();
		expect(a1).toBe(a2);
		expect(b).not.toBe(a1);
		expect(a1).toMatch(/^fp1:[0-9a-f]{32}$/);
	});

	it('refuses an empty name', () => {
		expect(() => createNamedProbe('  ')).toThrow(/non-empty name/);
	});
});

describe('placeholder serials and MACs', () => {
	it.each([
		'',
		'-',
		'  ',
		'Default string',
		'To be filled by O.E.M.',
		'System Serial Number',
		'Not Specified',
		'0',
		'00000000-0000-0000-0000-000000000000',
		'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
		'03000200-0400-0500-0006-000700080009',
		'00:00:00:00:00:00',
		'uninitialized',
	])('%j identifies nothing', (value) => {
		expect(isPlaceholder(value)).toBe(true);
	});

	it.each([
		'B5RN4M2',
		'4C4C4544-0042-3510-8052-B4C04F4D4E32',
		'3d1219c7c4c5404aaa1f6d2a48adfda4',
		'b0:26:28:5a:11:40',
		'AMD EPYC x2',
	])('%j is a real value', (value) => {
		expect(isPlaceholder(value)).toBe(false);
	});

	it('IEEE-assigned MACs are globally unique; locally administered and multicast ones are not', () => {
		expect(isGloballyUniqueMac('b0:26:28:5a:11:40')).toBe(true);
		expect(isGloballyUniqueMac('00:50:56:aa:bb:cc')).toBe(true);
		expect(isGloballyUniqueMac('02:fc:00:00:00:01')).toBe(false); // VM-assigned
		expect(isGloballyUniqueMac('52:54:00:12:34:56')).toBe(false); // QEMU default
		expect(isGloballyUniqueMac('01:00:5e:00:00:01')).toBe(false); // multicast
	});
});

describe('system probe: what goes into the fingerprint', () => {
	it('a server with serials: components are normalised, placeholders dropped, no install id asked', async () => {
		const installIdFallback = vi.fn(async () => 'install-1');
		const probe = createSystemProbe({
			installIdFallback,
			readHardware: fixedReadings(serverReadings),
		});
		expect(await probe.components()).toEqual({
			'hardware-uuid': '4c4c4544-0042-3510-8052-b4c04f4d4e32',
			'system-serial': 'b5rn4m2',
			'baseboard-serial': '.b5rn4m2.cn7016367a0123.',
			'machine-id': '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
			cpu: 'intel(r) xeon(r) silver 4214 cpu @ 2.20ghz x48',
			'mac:b0:26:28:5a:11:40': 'b0:26:28:5a:11:40',
			'mac:b0:26:28:5a:11:41': 'b0:26:28:5a:11:41',
		});
		expect(installIdFallback).not.toHaveBeenCalled();
	});

	it('R8: a container with only placeholders falls back to the install id, combined with what was found', async () => {
		// Given two installs cloned from one image: same machine id, same MAC, same CPU
		const probeFor = (installId: string) =>
			createSystemProbe({
				installIdFallback: async () => installId,
				readHardware: fixedReadings(containerReadings),
			});

		// Then the install id completes what was found, and tells them apart
		const expected: FingerprintComponents = {
			'machine-id': '3d1219c7c4c5404aaa1f6d2a48adfda4',
			cpu: 'amd epyc x2',
			'mac:02:fc:00:00:00:01': '02:fc:00:00:00:01',
			'install-id': 'install-1',
		};
		expect(await probeFor('install-1').components()).toEqual(expected);
		expect(await probeFor('install-1').fingerprint()).toBe(
			fingerprintFromComponents(expected),
		);
		expect(await probeFor('install-2').fingerprint()).not.toBe(
			await probeFor('install-1').fingerprint(),
		);
	});

	it('R8: a globally unique MAC alone is enough identity; a locally administered one is not', () => {
		const bare = {...containerReadings, machineId: '', cpu: ''};
		expect(
			componentsFromReadings({...bare, macs: ['b0:26:28:5a:11:40']})
				.hasStrongIdentity,
		).toBe(true);
		expect(
			componentsFromReadings({...bare, macs: ['02:fc:00:00:00:01']})
				.hasStrongIdentity,
		).toBe(false);
	});

	it('hardware-swap: a new baseboard changes the fingerprint, an interface rename does not', async () => {
		const fingerprintOf = (readings: HardwareReadings) =>
			createSystemProbe({
				installIdFallback: async () => 'unused',
				readHardware: fixedReadings(readings),
			}).fingerprint();
		const before = await fingerprintOf(serverReadings);
		expect(
			await fingerprintOf({...serverReadings, baseboardSerial: 'CN70163XYZ'}),
		).not.toBe(before);
		// MACs are keyed by address, so their order (eth0 -> enp3s0 renames reorder them) is irrelevant
		expect(
			await fingerprintOf({
				...serverReadings,
				macs: [...serverReadings.macs].reverse(),
			}),
		).toBe(before);
	});

	it('an empty install id is refused rather than silently weakening the fingerprint', async () => {
		const probe = createSystemProbe({
			installIdFallback: async () => ' ',
			readHardware: fixedReadings(containerReadings),
		});
		await expect(probe.fingerprint()).rejects.toThrow(/install id/);
	});
});

describe('system probe on this machine', () => {
	it('R8: two calls give the same fingerprint; the time is logged', async () => {
		const probe = createSystemProbe({
			installIdFallback: async () => 'install-under-test',
		});
		const timings: number[] = [];
		const fingerprints: string[] = [];
		for (let call = 0; call < 3; call++) {
			const start = performance.now();
			fingerprints.push(await probe.fingerprint());
			timings.push(performance.now() - start);
		}
		// Measured, not asserted: about 1-15 ms on Linux (direct /sys reads).
		console.info(
			`hardware probe: ${timings.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}; components: ${Object.keys(await probe.components()).join(', ')}`,
		);
		expect(new Set(fingerprints).size).toBe(1);
		expect(fingerprints[0]).toMatch(/^fp1:[0-9a-f]{32}$/);
	});

	it('readings are strings, and MACs are real addresses in lower case', async () => {
		const readings = await readSystemHardware();
		for (const key of [
			'hardwareUuid',
			'systemSerial',
			'baseboardSerial',
			'machineId',
			'cpu',
		] as const) {
			expect(typeof readings[key]).toBe('string');
		}
		expect(readings.cpu).not.toBe('');
		for (const mac of readings.macs) {
			expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
			expect(isPlaceholder(mac)).toBe(false);
		}
	});

	it('the systeminformation path (Windows, macOS) also runs here and keeps only IEEE MACs', async () => {
		const start = performance.now();
		const readings = await readHardwareWithSystemInformation();
		console.info(
			`systeminformation readings: ${(performance.now() - start).toFixed(1)} ms`,
		);
		expect(typeof readings.machineId).toBe('string');
		expect(readings.macs.every((mac) => isGloballyUniqueMac(mac))).toBe(true);
		if (process.platform === 'linux') {
			// Both read the same machine-id file on this kind of system
			expect(readings.machineId).toBe((await readSystemHardware()).machineId);
		}
	});
});
