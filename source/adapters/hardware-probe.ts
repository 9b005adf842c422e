/**
 * The HardwareProbe port: the fingerprint licenses are bound to (R8).
 *
 * A false "hardware changed" costs the customer a reactivation within 7 days, so only readings
 * that stay the same across reboots, kernel updates and network changes go in:
 *   strong: system UUID, system serial, baseboard serial, MACs the IEEE assigned (globally unique)
 *   weak:   OS machine id, CPU model and count, locally administered MACs of device-backed NICs
 * Left out on purpose: the hostname (admins rename servers), total memory (MemTotal shifts with
 * kernel updates and VM ballooning), disk serials (systeminformation's diskLayout may run smartctl
 * per disk, far over budget), IP addresses.
 * When nothing strong is readable (containers, VMs without DMI, non-root on Linux) the install id
 * the runtime keeps in its store is added, so two installs cloned from one image still differ.
 */
import {createHash} from 'node:crypto';
import {readdir, readFile, readlink} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {HardwareProbe} from '../ports/index.js';

/** Component name -> value, e.g. `{'machine-id': '3d12…', cpu: 'AMD EPYC x2'}`. */
export type FingerprintComponents = Record<string, string>;

const FINGERPRINT_VERSION = 'fp1';

/**
 * Hashes every component on its own (name and value, so equal values under different names
 * differ), sorts the hashes so the order of components does not matter, and hashes the list.
 * The result is `fp1:<32 hex>`: raw serials never leave the machine.
 */
export function fingerprintFromComponents(
	components: FingerprintComponents,
): string {
	const parts = Object.entries(components).map(([name, value]) =>
		// JSON keeps name and value apart whatever characters they hold.
		sha256(JSON.stringify([FINGERPRINT_VERSION, name, value])).slice(0, 16),
	);
	if (parts.length === 0) {
		throw new RangeError(
			'A fingerprint needs at least one component; none was given.',
		);
	}
	parts.sort();
	return `${FINGERPRINT_VERSION}:${sha256(parts.join('.')).slice(0, 32)}`;
}

function sha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A fingerprint for the simulator: the same name always gives the same fingerprint.
 * @example
 * const hardware = createNamedProbe('server-a'); // another name is another machine (R8)
 */
export function createNamedProbe(name: string): HardwareProbe {
	if (name.trim() === '') {
		throw new RangeError(
			'A named hardware needs a non-empty name, e.g. "server-a".',
		);
	}
	const fingerprint = fingerprintFromComponents({'simulated-machine': name});
	return {fingerprint: async () => fingerprint};
}

/** What the machine says about itself, before placeholders are filtered. Empty when unknown. */
export type HardwareReadings = {
	hardwareUuid: string;
	systemSerial: string;
	baseboardSerial: string;
	machineId: string;
	cpu: string;
	macs: string[];
};

/** Values firmware and images ship when nobody filled the field in. Compared lowercased. */
const PLACEHOLDERS = new Set([
	'default string',
	'to be filled by o.e.m.',
	'to be filled by oem',
	'not specified',
	'not applicable',
	'not available',
	'system serial number',
	'base board serial number',
	'chassis serial number',
	'serial number',
	'none',
	'n/a',
	'oem',
	'o.e.m.',
	'unknown',
	'invalid',
	'uninitialized',
	'0123456789',
	'123456789',
	// The UUID a whole family of boards ships with.
	'03000200-0400-0500-0006-000700080009',
]);

/**
 * True for values that identify nothing: '', '-', 'Default string', '00000000-0000-…',
 * 'FFFFFFFF…', anything with fewer than 3 letters or digits.
 */
export function isPlaceholder(value: string): boolean {
	const text = value.trim().toLowerCase();
	if (PLACEHOLDERS.has(text)) return true;
	const alphanumeric = text.replaceAll(/[^\da-z]/g, '');
	return alphanumeric.length < 3 || /^(.)\1*$/.test(alphanumeric);
}

/** The IEEE sets bit 1 of the first octet for locally administered (random, virtual) MACs. */
export function isGloballyUniqueMac(mac: string): boolean {
	const firstOctet = Number.parseInt(mac.slice(0, 2), 16);
	return (
		Number.isFinite(firstOctet) &&
		(firstOctet & 0b10) === 0 &&
		(firstOctet & 0b1) === 0
	);
}

/**
 * Turns readings into components, and says whether any of them identifies the machine on its
 * own (a serial, a hardware UUID, a globally unique MAC).
 */
export function componentsFromReadings(readings: HardwareReadings): {
	components: FingerprintComponents;
	hasStrongIdentity: boolean;
} {
	const components: FingerprintComponents = {};
	let hasStrongIdentity = false;
	const add = (name: string, value: string, isStrong: boolean) => {
		const normalised = value.trim().toLowerCase();
		if (isPlaceholder(normalised)) return;
		components[name] = normalised;
		hasStrongIdentity ||= isStrong;
	};
	add('hardware-uuid', readings.hardwareUuid, true);
	add('system-serial', readings.systemSerial, true);
	add('baseboard-serial', readings.baseboardSerial, true);
	add('machine-id', readings.machineId, false);
	add('cpu', readings.cpu, false);
	// One component per MAC, named after it: a NIC added or removed changes one component, and
	// interface renames (eth0 -> enp3s0 after an udev update) change nothing.
	for (const mac of readings.macs) {
		const normalised = mac.trim().toLowerCase();
		add(`mac:${normalised}`, normalised, isGloballyUniqueMac(normalised));
	}
	return {components, hasStrongIdentity};
}

export type SystemProbeOptions = {
	/** The install id the runtime keeps in its store; asked only when the machine says too little. */
	installIdFallback: () => Promise<string>;
	/**
	 * Reads the machine. Tests pass fixed readings.
	 * @default readSystemHardware
	 */
	readHardware?: () => Promise<HardwareReadings>;
};

export type SystemProbe = HardwareProbe & {
	/** The components the fingerprint is made of (raw values: for diagnostics on this machine). */
	components(): Promise<FingerprintComponents>;
};

/**
 * The real probe. Every call reads the machine again: the runtime asks at start and at every
 * check, and a change while running must be seen (R8).
 */
export function createSystemProbe(options: SystemProbeOptions): SystemProbe {
	const readHardware = options.readHardware ?? readSystemHardware;
	const components = async (): Promise<FingerprintComponents> => {
		const found = componentsFromReadings(await readHardware());
		if (found.hasStrongIdentity) return found.components;
		const installId = (await options.installIdFallback()).trim();
		if (installId === '') {
			throw new RangeError(
				'The install id used to complete the hardware fingerprint is empty.',
			);
		}
		return {...found.components, 'install-id': installId};
	};
	return {
		components,
		fingerprint: async () => fingerprintFromComponents(await components()),
	};
}

/**
 * Reads the machine without root, in parallel. Linux reads the very files systeminformation
 * would `cat`, directly: measured in a container, `si.uuid()` takes 45-80 ms because it also
 * runs `which ip` and `ip link` synchronously (blocking the event loop) when it meets the
 * loopback's all-zero MAC, `si.system()` + `si.baseboard()` another ~100 ms of synchronous shells,
 * `si.networkInterfaces()` 250 ms; the direct reads take about 1 ms. Other platforms
 * (Windows registry and WMI, macOS ioreg) go through systeminformation.
 */
export async function readSystemHardware(): Promise<HardwareReadings> {
	const cpus = os.cpus();
	const cpu =
		cpus.length > 0 ? `${cpus[0]?.model.trim() ?? ''} x${cpus.length}` : '';
	const readings =
		process.platform === 'linux'
			? await readLinux()
			: await readHardwareWithSystemInformation();
	return {...readings, cpu};
}

const DMI = '/sys/class/dmi/id';

async function readLinux(): Promise<Omit<HardwareReadings, 'cpu'>> {
	// product_uuid and the serials are root-only on most distributions: unreadable means
	// unknown, not an error.
	const [hardwareUuid, systemSerial, baseboardSerial, machineId, macs] =
		await Promise.all([
			readText(path.join(DMI, 'product_uuid')),
			readText(path.join(DMI, 'product_serial')),
			readText(path.join(DMI, 'board_serial')),
			readText('/etc/machine-id').then(
				(id) => id || readText('/var/lib/dbus/machine-id'),
			),
			readLinuxPhysicalMacs(),
		]);
	return {hardwareUuid, systemSerial, baseboardSerial, machineId, macs};
}

/** The non-Linux path; exported so it can be exercised on any machine. */
export async function readHardwareWithSystemInformation(): Promise<
	Omit<HardwareReadings, 'cpu'>
> {
	// Loaded on demand: importing systeminformation alone takes ~120 ms, paid for nothing on Linux.
	const {default: si} = await import('systeminformation');
	const [uuid, system, baseboard] = await Promise.all([
		si.uuid().catch(() => undefined),
		si.system().catch(() => undefined),
		si.baseboard().catch(() => undefined),
	]);
	return {
		hardwareUuid: uuid?.hardware ?? system?.uuid ?? '',
		systemSerial: system?.serial ?? '',
		baseboardSerial: baseboard?.serial ?? '',
		machineId: uuid?.os ?? '',
		// Only IEEE-assigned MACs: systeminformation lists every interface, including VPN and
		// hypervisor adapters whose locally administered MACs come and go.
		macs: (uuid?.macs ?? []).filter((mac) => isGloballyUniqueMac(mac)),
	};
}

/**
 * MACs of NICs backed by a device (not lo, bridges, veth, tun), not wireless (Wi-Fi MACs get
 * randomised), and whose address is the permanent one (addr_assign_type 0). Read from /sys so an
 * interface that is down or has no IP still counts: os.networkInterfaces() would drop it.
 */
async function readLinuxPhysicalMacs(): Promise<string[]> {
	const root = '/sys/class/net';
	let names: string[];
	try {
		names = await readdir(root);
	} catch {
		return [];
	}
	const macs = await Promise.all(
		names.map(async (name) => {
			const base = path.join(root, name);
			const [device, wireless, assignType, address] = await Promise.all([
				readlink(path.join(base, 'device')).then(
					() => true,
					() => false,
				),
				readdir(path.join(base, 'wireless')).then(
					() => true,
					() => false,
				),
				readText(path.join(base, 'addr_assign_type')),
				readText(path.join(base, 'address')),
			]);
			const isPermanent = assignType === '' || assignType === '0';
			return device && !wireless && isPermanent ? address.toLowerCase() : '';
		}),
	);
	return [
		...new Set(macs.filter((mac) => mac !== '' && !isPlaceholder(mac))),
	].sort();
}

async function readText(file: string): Promise<string> {
	try {
		return (await readFile(file, 'utf8')).trim();
	} catch {
		return '';
	}
}
