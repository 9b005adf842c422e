/**
 * The license server's store as a port (SPEC §4): what the service reads and writes, in the
 * shape of its records. One implementation, over SQL (sql/store.ts), runs on a SQLite file, on
 * SQLite in memory (the simulator and tests) and on PostgreSQL; one contract suite
 * (test/license-server-store.test.ts) holds them to the same behaviour.
 *
 * Races are decided by the database, not by this process: every change runs in
 * {@link VendorStore.transaction}, and the `lock*` methods take row locks (PostgreSQL: SELECT ...
 * FOR UPDATE; SQLite: the transaction itself holds the write lock, BEGIN IMMEDIATE). Lock order,
 * so that two transactions never wait on each other: an installation first, then keys sorted.
 */
import type {InstallationRecord, KeyRecord, LicenseRecord} from './catalog.js';

export type StoreEngine = 'sqlite' | 'postgres';

/** The key pair as stored: PKCS#8 and raw public key, both printed forms of signing/index.ts. */
export type StoredKeyPair = {privateKey: string; publicKey: string};

/** An installation as stored, with what the admin API never shows (the secret's hash). */
export type InstallationRow = Omit<InstallationRecord, 'keys'> & {
	/** SHA-256 (hex) of the secret the installation received at activation; null before one. */
	secretHash: string | null;
};

/** What a contact needs, read in one statement: the installation and the keys bound to it. */
export type InstallationView = {
	installation: InstallationRow;
	/** The keys bound to it, in the order they were bound. */
	keys: KeyRecord[];
};

/** An offline request already answered (R5): the same file gets the same response. */
export type OfflineAnswer = {
	requestId: string;
	installationId: string;
	responseText: string;
	answeredAt: number;
};

/** Reads that need no transaction: each is one statement, so it sees one consistent state. */
export type VendorReads = {
	key(key: string): Promise<KeyRecord | undefined>;
	/** The installation as the admin API shows it (its keys by binding order). */
	installation(installationId: string): Promise<InstallationRecord | undefined>;
	view(installationId: string): Promise<InstallationView | undefined>;
	offlineAnswer(requestId: string): Promise<OfflineAnswer | undefined>;
};

export type VendorTransaction = VendorReads & {
	/**
	 * Creates the installation unless it exists (the database decides between two racing
	 * creations): true when this transaction created it.
	 */
	createInstallation(row: InstallationRow): Promise<boolean>;
	/** The installation, locked until the transaction ends. */
	lockInstallation(
		installationId: string,
	): Promise<InstallationRow | undefined>;
	updateInstallation(row: InstallationRow): Promise<void>;
	/** The keys that exist among `keys`, locked in sorted order until the transaction ends. */
	lockKeys(keys: readonly string[]): Promise<Map<string, KeyRecord>>;
	/** A new key; false (and nothing written) when the key exists already. */
	insertKey(record: KeyRecord): Promise<boolean>;
	/**
	 * Binds a key to an installation and saves its licenses as `record` has them; only a key
	 * bound to nobody is bound (false otherwise, and nothing written).
	 */
	bindKey(record: KeyRecord): Promise<boolean>;
	/** Saves the licenses of a key (its live state: expiry, renewal, revocation). */
	saveLicenses(key: string, licenses: readonly LicenseRecord[]): Promise<void>;
	/** Hit times of each subject after `since`, oldest first (rate limits, see service.ts). */
	recentHits(
		subjects: readonly string[],
		since: number,
	): Promise<Map<string, number[]>>;
	addHits(subjects: readonly string[], at: number): Promise<void>;
	/** Forgets every hit at or before `before`: the table stays one window long. */
	pruneHits(before: number): Promise<void>;
	saveOfflineAnswer(answer: OfflineAnswer): Promise<void>;
};

export type VendorStore = VendorReads & {
	readonly engine: StoreEngine;
	/** The database as a message may show it: its URL, without the password. */
	readonly shownUrl: string;
	/**
	 * Runs `work` in one transaction: committed when it returns, rolled back when it throws.
	 * Errors of the database itself come out as StoreUnavailableError (503).
	 */
	transaction<T>(work: (tx: VendorTransaction) => Promise<T>): Promise<T>;
	/**
	 * The vendor's key pair: the one stored, or `candidate()` stored now when there is none.
	 * Two instances starting together on an empty database get the same pair: the one the
	 * database kept.
	 */
	keyPair(candidate: () => StoredKeyPair): Promise<StoredKeyPair>;
	/** Sets `lastContactAt` to `at` when it is older than `staleBefore` (one statement). */
	touchContact(
		installationId: string,
		at: number,
		staleBefore: number,
	): Promise<void>;
	/** Throws StoreUnavailableError unless the database answers. */
	ping(): Promise<void>;
	close(): Promise<void>;
};
