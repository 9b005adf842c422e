/**
 * English messages: the reference catalog. Its keys define `MessageId`; `fr.ts` must carry the
 * same keys with the same `{placeholders}` (checked by test/i18n.test.ts).
 * Ids are grouped by prefix: status., state., kind., key-kind., field., customer., key.,
 * activation., manual., device., contact., clock., hardware., document., problem., log., ui.
 * A catalog is data, one line a message: its length is the product's vocabulary, not a second job.
 */

import {demoEn} from './demo-en.js';
import {reasonsEn} from './reasons-en.js';

export const en = {
	...demoEn,
	// SPEC §2 "License statuses"
	'status.pending': 'Pending',
	'status.active': 'Active',
	'status.hardware-grace': 'Hardware grace',
	'status.offline-grace': 'Offline grace',
	'status.expired': 'Expired',
	'status.invalid': 'Invalid',

	// SPEC §2 "Operational state"
	'state.unlicensed': 'Unlicensed',
	'state.running': 'Running',
	'state.warning': 'Warning',
	'state.stopped': 'Stopped',

	// License kinds as shown in the license table (a pending installation key is one row, R4)
	'kind.perpetual': 'Perpetual',
	'kind.subscription': 'Subscription',
	'kind.installation': 'Installation',
	'key-kind.installation': 'Installation key',
	'key-kind.license': 'License key',

	// The command line: help texts (with examples) and what the commands print
	'cli.help.main': `myq-license: the licensing subsystem of a MyQ print server

Usage
  $ myq-license [--store URL] [--server URL]       open the dashboard on this server
  $ myq-license demo [--scenario FILE]             open the dashboard on the simulator
  $ myq-license <command> [options]

Commands for admins and scripts (each has --help with examples)
  status [--json]           licenses, capacity, banners and devices
  register                  save the customer form (R2)
  add-key KEY...            add installation or license keys, pending activation (R3)
  activate                  redeem pending keys online; --manual --out FILE for manual activation (R4, R5)
  import FILE               import a response file from the vendor portal (R5)
  connect                   contact the license server now (R14)
  trust [KEY]               trust the vendor public key (R16): the one given, or the server's
  devices [activate|deactivate] [NAME]   printing devices (R7)
  simulate FILE...          replay scenario files; --report FILE.html, --explain DAY
  export-scenario           this installation's history as a scenario file, for support

Vendor side
  vendor serve              run the reference license server
  vendor mint               create a key in the catalog
  vendor offline-activate   turn an activation request file into a response file

Examples
  $ myq-license status --json
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite status --lang fr
  $ myq-license demo`,
	'cli.help.global': `Global options (before or after the command)
  --store URL       the store: a Keyv URL (default: a SQLite file in your data directory)
  --server URL      the license server (default: $MYQ_LICENSE_SERVER or http://127.0.0.1:4070)
  --vendor-key KEY  the vendor public key to trust (default: $MYQ_VENDOR_KEY, else the trust file: see trust --help)
  --json            print one JSON document for scripts
  --lang fr|en      language (default: from LC_ALL, LC_MESSAGES, LANG)
  --help, --version

Exit codes: 0 done, 1 failed (for example the license server cannot be reached), 2 bad input.`,
	'cli.help.status': `Usage
  $ myq-license status [--json]

Shows the operational state, the banners, capacity, licenses and devices. Reads the store only:
it does not contact the license server (use connect for that).

Examples
  $ myq-license status
  $ myq-license status --json | jq .capacity
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite status --lang fr`,
	'cli.help.register': `Usage
  $ myq-license register --company NAME --person "FULL NAME" --address ADDRESS --country CC --email EMAIL [--phone PHONE]

Saves the customer form (R2). Every field but the phone is required; the country is an ISO code
or a name (FR, France, Allemagne). Each invalid field gets its own message.

Examples
  $ myq-license register --company Acme --person "Jane Roe" --address "1 Rue X, Paris" --country FR --email it@acme.test
  $ myq-license register --company Acme --person "Jane Roe" --address "1 Main St" --country "United States" --email it@acme.test --phone "+1 555 0100"`,
	'cli.help.add-key': `Usage
  $ myq-license add-key KEY [KEY...]

Adds installation keys (they start with N) and license keys (they start with K) to the license
table as pending (R3). Keys may be separated by spaces, commas or new lines; a malformed or
duplicate key is refused by name and the others are still added. Register the customer first.

Examples
  $ myq-license add-key NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01
  $ myq-license add-key "K1234-56789-ABCDE-FGHJK-MNPQR, K9876-54321-ZYXWV-TSRQP-NMKJH"
  $ myq-license add-key - < keys.txt     (read keys from standard input)`,
	'cli.help.activate': `Usage
  $ myq-license activate
  $ myq-license activate --manual --out FILE

Online (R4): redeems the pending keys at the license server: an installation key is replaced by
the licenses it carries, license keys become active. Also reactivates licenses on new hardware (R8).
Manual (R5, no network on this server): writes an activation request file. Take it to the vendor
portal (myq-license vendor offline-activate), then import the response with myq-license import.

Options
  --manual          manual activation: write an activation request file
  --out, -o FILE    where to write it

Examples
  $ myq-license activate --server https://licensing.example.com
  $ myq-license activate --manual --out request.json`,
	'cli.help.import': `Usage
  $ myq-license import FILE

Imports the response file made by the vendor portal for this server's activation request (R5).
A response made for another server, another request, or altered in any byte is refused and
changes nothing.

Examples
  $ myq-license import response.json
  $ myq-license import response.json --vendor-key "$(cat vendor.pub)"`,
	'cli.help.connect': `Usage
  $ myq-license connect

Contacts the license server now ("try to connect manually", R14): sends the hardware
fingerprint and takes the fresh signed document (renewals, extensions, cancellations).
Exits 1 when the server cannot be reached; the licenses stay as they were.

Examples
  $ myq-license connect
  $ myq-license connect --server https://licensing.example.com --json`,
	'cli.help.trust': `Usage
  $ myq-license trust KEY [--replace]
  $ myq-license trust [--server URL] [--replace]

Records the vendor public key this server trusts (R16) in the trust file of your config
directory (like ssh's known_hosts; $MYQ_CONFIG_DIR, else $XDG_CONFIG_HOME/myq-license or
~/.config/myq-license). Every license document is checked with it; it is never taken from the
store it protects. With KEY: the key the vendor published (vendor serve prints it). Without:
the key the license server presents, trusted on first use; choose it only when you trust the
network path to that server. --vendor-key and MYQ_VENDOR_KEY, when given, are used instead of
the file. A trust file holding another key is left alone unless --replace is given.
status says which key is trusted, and how.

Options
  --replace         replace the key the trust file holds (the vendor changed its key)

Examples
  $ myq-license trust 3wWp0Q4ZcM1n8Yb0vN7dJq2s5kX9a6eL1tR4uV8yB2c=
  $ myq-license trust --server https://licensing.example.com
  $ MYQ_CONFIG_DIR=/etc/myq myq-license trust "$(cat vendor.pub)" --replace`,
	'cli.help.devices': `Usage
  $ myq-license devices                     list printing devices
  $ myq-license devices activate [NAME]     activate one (refused past capacity, R7)
  $ myq-license devices deactivate [NAME]   deactivate one (the newest when no name is given)

Examples
  $ myq-license devices activate reception-printer
  $ myq-license devices --json`,
	'cli.help.simulate': `Usage
  $ myq-license simulate FILE [--json] [--lang fr|en] [--until N] [--report FILE.html] [--explain DAY]
  $ myq-license simulate DIR|FILE... [--json] [--jobs N]

Replays a scenario file (YAML or JSON; see fixtures/scenarios/) on the real engine, with a
simulated clock, network, license server and hardware. Without --json: the days on which
something changed, a strip of the whole timeline (one cell a day) and the events. With --json:
one JSON document (SPEC §5). The scenario's expect blocks decide the exit code. The language is
--lang, else the locale, else the scenario's lang.

Several files, or a folder (its .yaml, .yml and .json files, not its subfolders): each is replayed
and one result per file is printed with its exit code (--json: {"results": [{file, exitCode,
result | error}]}). --jobs N replays N at a time in worker threads; the results are the same.

Options
  --until N          stop after day N
  --report FILE.html also write a page for a support ticket: the timeline as a picture (state,
                     banners with their day counts, one lane per license, steps and events),
                     self-contained, printable on A4 landscape
  --explain DAY      for that day, each banner and license status with the rule (R-id) and the
                     facts behind it, from the engine's own evaluation (--json: as data)
  --jobs N           with several files: how many to replay at once (default 1)

Examples
  $ myq-license simulate fixtures/scenarios/subscription-not-renewed.yaml
  $ myq-license simulate fixtures/scenarios/offline-grace-lapses.yaml --json | jq '.days[-1].banners'
  $ myq-license simulate my-customer.yaml --report ticket-4711.html --lang fr
  $ myq-license simulate my-customer.yaml --explain 42
  $ myq-license simulate exported/ --json --jobs 2

Exit codes: 0 every expectation held, 1 one failed, 2 the scenario is invalid (with several
files: the highest of theirs).`,
	'cli.help.export-scenario': `Usage
  $ myq-license export-scenario [--store URL] [-o FILE] [--keep-personal-data] [--json]

Writes a scenario file (SPEC §5) from the installation's stored history: the customer, the keys
and the licenses the signed documents granted, activations, contacts that succeeded or failed
(as network steps), hardware seen, the clock set back, restarts and devices. Replayed with
simulate, it goes through the states the installation recorded (its expect blocks) and ends in
the state it is in now. Personal data (company, person, address, email, phone) and keys are
replaced by neutral values, so the customer can send the file to support. What the history only
shows by its effect (a vendor's change) is written as that effect, with a comment saying so.
The store is only read; no vendor key is needed.

Options
  -o, --out FILE          write the file there (default: stdout)
  --keep-personal-data    keep the customer's own data, and the keys as comments
  --json                  the JSON form of the same schema (its notes on stderr)

Examples
  $ myq-license export-scenario -o customer.yaml
  $ myq-license export-scenario --store sqlite:///var/lib/myq/license.sqlite -o ticket-4711.yaml
  $ myq-license simulate customer.yaml --report customer.html`,
	'cli.help.vendor': `Usage
  $ myq-license vendor serve [--port 4070] [--host 127.0.0.1] [--store URL] [--token T] [--log text|json]
  $ myq-license vendor mint --server URL --token T --type license|installation ...
  $ myq-license vendor offline-activate REQUEST -o RESPONSE [--server URL | --store URL]
  $ myq-license vendor extend KEY --days N --server URL --token T
  $ myq-license vendor cancel-renewal KEY --server URL --token T
  $ myq-license vendor revoke KEY --server URL --token T

The vendor side (SPEC §4): the reference license server and its admin operations. Each command
has its own help: myq-license vendor COMMAND --help.

  serve              run the reference license server
  mint               create a key in the catalog
  offline-activate   the vendor portal: turn an activation request into a signed response
  extend             add days to a subscription key
  cancel-renewal     stop a subscription key's automatic renewal
  revoke             revoke a key: its licenses stop counting at the next contact

Examples
  $ myq-license vendor serve --port 4070 --token s3cret
  $ myq-license vendor mint --help
  $ myq-license vendor offline-activate request.json -o response.json --server http://127.0.0.1:4070`,
	'cli.help.vendor.serve': `Usage
  $ myq-license vendor serve [--port 4070] [--host 127.0.0.1] [--store URL] [--token T] [--log text|json]

Runs the reference license server and prints where it listens and its public key (clients
trust it with myq-license trust KEY, or --vendor-key). Its database is a SQLite file (default
sqlite://./vendor.sqlite) or PostgreSQL (--store postgres://USER@HOST:PORT/DATABASE): several
servers on one PostgreSQL database act as one and sign with the one key pair kept there. It
logs one line per request (--log json for a log collector) and answers GET /v1/health with the
database's state. SIGINT or SIGTERM stop it cleanly, after the requests in flight. Without
--token the admin routes (mint, extend, cancel-renewal, revoke) are disabled.
Exit 2 for a store URL it does not know, 1 when the database cannot be opened.

Options
  --port N          the port (default 4070; 0 picks a free one)
  --host HOST       the address to listen on (default 127.0.0.1)
  --store URL       its database: sqlite://PATH, memory: or postgres://USER@HOST:PORT/DATABASE
  --token T         the bearer token of the admin routes
  --log text|json   the request log's format (default text)

Examples
  $ myq-license vendor serve --port 4070 --token s3cret
  $ myq-license vendor serve --store postgres://license@db.example.com:5432/license --log json`,
	'cli.help.vendor.mint': `Usage
  $ myq-license vendor mint --server URL --token T --type license --kind perpetual|subscription --devices N [--term-days N] [--auto-renew]
  $ myq-license vendor mint --server URL --token T --type installation --license KIND:DEVICES[:TERM_DAYS][:auto] [--license ...]

Creates a key in the catalog of the license server at --server and prints it as its last line
(--json: the server's answer). A license key carries one license; an installation key carries
one or more, one --license each: KIND:DEVICES, and for a subscription its term in days and
":auto" for automatic renewal.

Options
  --type license|installation   the kind of key
  --kind perpetual|subscription a license key's license
  --devices N                   how many printing devices it licenses
  --term-days N                 a subscription's term, in days
  --auto-renew                  the subscription renews automatically
  --license SPEC                an installation key's license (repeat for more)

Examples
  $ myq-license vendor mint --server http://127.0.0.1:4070 --token s3cret --type license --kind subscription --devices 5 --term-days 365 --auto-renew
  $ myq-license vendor mint --server http://127.0.0.1:4070 --token s3cret --type installation --license subscription:10:365 --license perpetual:1`,
	'cli.help.vendor.offline-activate': `Usage
  $ myq-license vendor offline-activate REQUEST -o RESPONSE [--server URL | --store URL]

The vendor portal of manual activation (R5): turns an activation request (the file a MyQ
server wrote, or the block of text its dashboard showed) into a signed response file, through a
running server (--server) or straight on its store (--store, default sqlite://./vendor.sqlite).
On the MyQ server: myq-license import RESPONSE.

Options
  --out, -o FILE    where to write the response

Examples
  $ myq-license vendor offline-activate request.json -o response.json --server http://127.0.0.1:4070
  $ myq-license vendor offline-activate request.txt -o response.json --store sqlite:///srv/vendor.sqlite`,
	'cli.help.vendor.extend': `Usage
  $ myq-license vendor extend KEY --days N --server URL --token T

Adds N days to the subscriptions a key carries (KEY/N: only its Nth license). The MyQ server
sees the new date at its next contact with the license server (or myq-license connect).

Options
  --days N          the days to add (a whole number, at least 1)

Examples
  $ myq-license vendor extend KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --days 30 --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.vendor.cancel-renewal': `Usage
  $ myq-license vendor cancel-renewal KEY --server URL --token T

Stops the automatic renewal of the subscriptions a key carries: they expire at their date. The
MyQ server sees it at its next contact with the license server.

Examples
  $ myq-license vendor cancel-renewal KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.vendor.revoke': `Usage
  $ myq-license vendor revoke KEY --server URL --token T

Revokes a key: its licenses are invalid from the MyQ server's next contact with the license
server (its status and dashboard say "revoked by the vendor").

Examples
  $ myq-license vendor revoke KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.dashboard': `Usage
  $ myq-license [--store URL] [--server URL] [--vendor-key KEY] [--lang fr|en]
  $ myq-license demo [--scenario FILE] [--lang fr|en]

The full-screen dashboard: Home, Settings > License, Devices, Events. Press ? inside for the keys.
Without a command it runs on this server's engine; "demo" runs it on the simulator (fake clock,
simulated license server, swappable hardware), with demo keys to try.
NO_COLOR=1 draws without colour. q or Ctrl+C quits and gives the terminal back.

Options
  --scenario FILE   demo: the scenario to load (default: fixtures/demo.yaml)

Examples
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite --server https://licensing.example.com
  $ myq-license demo --lang fr
  $ myq-license demo --scenario fixtures/scenarios/offline-grace-lapses.yaml`,
	'cli.status.state': 'State: {state}',
	'cli.status.not-operational': '{state} (MyQ is not operational)',
	'cli.status.capacity':
		'Capacity: {capacity} printing devices; {activated} activated, {licensed} licensed',
	'cli.status.no-licenses':
		'No licenses yet: add a key (myq-license add-key KEY) and activate it.',
	'cli.status.licenses': 'Licenses:',
	'cli.status.license': '{key}  {kind}  {devices} devices  {status}',
	'cli.status.renews': 'renews {date}',
	'cli.status.expires': 'expires {date}',
	'cli.status.server-reachable': 'reachable',
	'cli.status.server-unreachable': 'unreachable since {since}',
	'cli.status.server': 'License server: {reachability}; last contact {last}',
	'cli.status.never': 'never',
	'cli.status.vendor-key.flag': 'Vendor key: {key}, trusted from --vendor-key',
	'cli.status.vendor-key.env': 'Vendor key: {key}, trusted from MYQ_VENDOR_KEY',
	'cli.status.vendor-key.given':
		'Vendor key: {key}, trusted in {file} (given by the admin on {date})',
	'cli.status.vendor-key.first-use':
		'Vendor key: {key}, trusted in {file} on first use: the admin chose the key {server} presented on {date}',
	'cli.status.vendor-key.none':
		'Vendor key: none trusted, so no license can be checked (myq-license trust KEY, or --vendor-key)',
	'cli.add-key.added': 'added {key} (pending)',
	'cli.add-key.refused': 'refused: {reason}',
	'cli.add-key.next':
		'Next: myq-license activate (or activate --manual --out request.json without network)',
	'cli.register.invalid': 'The customer form is not valid; nothing was saved:',
	'cli.register.saved':
		'Customer saved: {company}. Next: myq-license add-key KEY',
	'cli.devices.summary':
		'{activated} activated, {licensed} licensed, capacity {capacity}',
	'cli.devices.unlicensed': '(unlicensed: over capacity)',
	'cli.simulate.start': 'start {start}, {days} days, {lang}',
	'cli.simulate.column.day': 'day',
	'cli.simulate.column.date': 'date',
	'cli.simulate.column.state': 'state',
	'cli.simulate.column.capacity': 'capacity',
	'cli.simulate.column.devices': 'devices',
	'cli.simulate.column.banners': 'banners',
	'cli.simulate.column.licenses': 'licenses',
	'cli.simulate.timeline': 'timeline',
	'cli.simulate.events': 'events',
	'cli.simulate.event-day': 'day {day}',
	'cli.simulate.expectations': 'expectations: {passed} passed, {failed} failed',
	'cli.error.no-key': 'No key given. Usage: myq-license add-key KEY [KEY...]',
	'cli.error.manual-needs-out':
		'activate --manual needs --out FILE: where to write the activation request.',
	'cli.error.out-needs-manual':
		'--out is for manual activation: add --manual, or leave --out out to activate online.',
	'cli.error.devices-usage':
		'Usage: myq-license devices [activate|deactivate] [NAME]',
	'cli.error.import-usage':
		'Usage: myq-license import FILE (one response file).',
	'cli.error.response-too-big':
		'{file} holds more than {limit}, the most an activation response file can be: it was not read. Check the file name.',
	'cli.error.request-too-big':
		'{file} holds more than {limit}, the most an activation request file can be (the license server refuses bigger ones): it was not read. Check the file name.',
	'cli.error.keys-too-big':
		'The keys on standard input hold more than {limit}, the most add-key reads at once: give fewer keys at a time.',
	'cli.error.cannot-read': 'Could not read {file}: {reason}',
	'cli.error.simulate-usage':
		'Usage: myq-license simulate FILE... (scenario files, or a folder of them).',
	'cli.error.one-scenario':
		'{flag} takes one scenario file; {count} were given.',
	'cli.error.explain': '--explain {day} is not a day number (0 or more).',
	'cli.error.explain-past-end':
		'--explain {day}: the scenario ends on day {days}.',
	'cli.error.jobs': '--jobs {jobs} is not a number of workers (1 to {max}).',
	'cli.error.no-scenarios':
		'{dir} holds no scenario file (.yaml, .yml or .json).',
	'cli.error.export-usage':
		'Usage: myq-license export-scenario [-o FILE] [--keep-personal-data] (no other argument).',
	'cli.error.cannot-write': 'Could not write {file}: {reason}',
	'cli.export.empty-store':
		'Nothing to export: the store holds no installation yet (check --store).',
	'cli.export.unreadable-store':
		'Nothing to export: the stored state cannot be read (run myq-license status to see why).',
	'cli.export.no-history':
		'Nothing to export: the installation has no history yet (it was written by a version that did not keep one; it starts with the next event).',
	'cli.export.written': 'Scenario written to {file} ({days} days).',
	'cli.simulate.report-written': 'Report written to {file}.',
	'cli.simulate.batch-held': 'ok       {file}: {passed} expectation(s) held',
	'cli.simulate.batch-failed':
		'FAILED   {file}: {failed} expectation(s) failed, {passed} held',
	'cli.simulate.batch-invalid': 'INVALID  {file}: {message}',
	'cli.simulate.batch-error': 'FAILED   {file}: {message}',
	'cli.simulate.batch-summary':
		'{files} file(s): {held} held, {failed} failed, {invalid} invalid',
	'cli.error.until': '--until {until} is not a day number (0 or more).',
	// vendor (commands/vendor.ts)
	'cli.vendor.which':
		'Which vendor command? serve, mint, offline-activate, extend, cancel-renewal or revoke (see myq-license vendor --help).',
	'cli.vendor.unknown':
		'Unknown vendor command "{action}": use serve, mint, offline-activate, extend, cancel-renewal or revoke.',
	'cli.vendor.port':
		'--port {port} is not a port number (0 to 65535; 0 picks a free one).',
	'cli.vendor.listening': 'License server listening on {url}',
	'cli.vendor.public-key': 'Vendor public key: {key}',
	'cli.vendor.no-token':
		'No --token: the admin routes (mint, extend, cancel-renewal, revoke) are disabled.',
	'cli.vendor.stopped': 'License server stopped.',
	'cli.vendor.server-required':
		'--server URL is required: the license server to talk to (vendor serve prints it).',
	'cli.vendor.token-required':
		'--token is required for admin operations: the token vendor serve was started with.',
	'cli.vendor.license-kind':
		'--license "{spec}": the kind must be perpetual or subscription (KIND:DEVICES[:TERM_DAYS][:auto]).',
	'cli.vendor.license-devices':
		'--license "{spec}": DEVICES must be a whole number of at least 1.',
	'cli.vendor.license-perpetual':
		'--license "{spec}": a perpetual license has no term and no renewal.',
	'cli.vendor.license-term':
		'--license "{spec}": a subscription needs its term in days, like subscription:{devices}:365.',
	'cli.vendor.installation-licenses':
		'An installation key carries licenses: give one --license KIND:DEVICES[:TERM_DAYS][:auto] per license.',
	'cli.vendor.type': '--type must be license or installation.',
	'cli.vendor.type-not':
		'--type must be license or installation, not "{type}".',
	'cli.vendor.license-key-flags':
		'A license key needs --kind perpetual|subscription and --devices N (and --term-days N for a subscription).',
	'cli.vendor.unreachable':
		'The license server at {server} could not be reached ({reason}). Is vendor serve running?',
	'cli.vendor.answer-too-big':
		"The license server's answer is larger than {limit}, the most this command reads: it was not read.",
	'cli.vendor.refused':
		'The license server refused ({status} {code}): {message}',
	'cli.vendor.minted-license': 'Minted a license key:',
	'cli.vendor.minted-installation': 'Minted an installation key:',
	'cli.vendor.admin-usage':
		'Usage: myq-license vendor {action} KEY --server URL --token T',
	'cli.vendor.extend-usage':
		'Usage: myq-license vendor extend KEY --days N --server URL --token T',
	'cli.vendor.extend-days':
		'vendor extend needs --days N, a whole number of days of at least 1.',
	'cli.vendor.done-extend': 'Extended by {days} day(s): {key}.',
	'cli.vendor.done-cancel-renewal': 'Automatic renewal cancelled: {key}.',
	'cli.vendor.done-revoke': 'Revocation recorded: {key}.',
	'cli.vendor.offline-usage':
		'Usage: myq-license vendor offline-activate REQUEST -o RESPONSE [--server URL | --store URL]',
	'cli.vendor.request-refused': 'The request was refused ({code}): {message}',
	'cli.vendor.response-written':
		'Response written to {file}. On the MyQ server: myq-license import {file}',
	'cli.error.no-arguments':
		'{command} takes no arguments, but was given "{given}": nothing was done. Run myq-license {command} --help.',
	'cli.error.vendor-store-url':
		'The store URL "{url}" is not one the license server knows: use sqlite://PATH (the default, one file), memory:, or postgres://USER@HOST:PORT/DATABASE (several servers on one database).',
	'cli.error.vendor-store-url-malformed':
		'The store URL "{url}" cannot be read as a URL: write a / @ : or # in the user name or password as %2F %40 %3A %23.',
	'cli.error.vendor-store-open':
		'The license server cannot open its database {url}: {reason}. Check that the database runs and the URL is right; the server did not start.',
	'cli.error.vendor-host':
		'--host {host}: the license server cannot listen there ({reason}). Give an address of this machine: 127.0.0.1 (the default), 0.0.0.0 for every interface, or a name that resolves to one.',
	'cli.error.vendor-port-in-use':
		'Port {port} on {host} is already in use: stop what runs there, or choose another port with --port (0 picks a free one).',
	'cli.error.vendor-listen':
		'The license server cannot listen on {host}:{port}: {reason}',
	'cli.error.vendor-store-schema-too-new':
		'The database {url} was made by a newer myq-license (its schema is at version {found}, this one knows up to {known}): upgrade myq-license here, or use another database. Nothing was changed; the server did not start.',
	'cli.error.vendor-store-catalog-record':
		'The database {url} holds the catalog of an earlier version, and its row {record} is not a record this version can import ({reason}). Nothing was imported: correct or remove that row, or restore the file from a backup; the server did not start.',
	'cli.error.vendor-store-key-pair':
		'The vendor key pair kept in the database {url} cannot be read ({reason}). Restore it from a backup: a new pair would make every MyQ server that trusts the current key refuse this server. The server did not start.',
	'cli.error.vendor-log-format':
		'--log {format}: the log format is text or json.',
	'cli.error.trust-usage':
		'Usage: myq-license trust [KEY] [--replace] (one key at most).',
	'cli.error.not-a-key':
		'{key} is not a vendor public key (base64 of 32 bytes, as vendor serve prints it).',

	// A scenario's limits (simulator/scenario/limits.ts), said where the file goes past them
	'scenario.limit.bytes':
		'the file is larger than {limit}, the most a scenario can be',
	'scenario.limit.items':
		'holds {count} items; a scenario holds at most {max} here',
	'scenario.limit.step-devices':
		'{count} printing devices in one step; a step activates or deactivates at most {max}',
	'scenario.limit.devices':
		'the devices steps activate {count} printing devices up to here; a scenario activates at most {max} in all',
	'scenario.limit.text':
		'is {length} characters long; a text in a scenario holds at most {max}',

	// R2: the customer form, labels and hints as in the seed
	'field.company': 'Company',
	'field.person': 'Person',
	'field.address': 'Address',
	'field.country': 'Country',
	'field.email': 'Email',
	'field.phone': 'Phone',
	'field.company.hint': 'Name of the company',
	'field.person.hint':
		"Your full name (for example, the MyQ administrator's name)",
	'field.address.hint': 'Address of the company',
	'field.country.hint': 'Select the country from the list',
	'field.email.hint': 'Your email address',
	'field.phone.hint': 'Your phone number (optional)',
	'field.optional': 'optional',

	// R2: one message per field and failure, naming the field and what is expected
	'customer.company.required':
		'Company is required: enter the name of the company.',
	'customer.person.required':
		'Person is required: enter your full name (given name and family name).',
	'customer.person.invalid':
		'Person "{value}" is not a full name: enter a given name and a family name, for example Jane Roe.',
	'customer.address.required':
		'Address is required: enter the address of the company.',
	'customer.country.required':
		'Country is required: select the country from the list.',
	'customer.country.invalid':
		'Country "{value}" is not a known country: select one from the list (a name, or an ISO code such as FR).',
	'customer.email.required': 'Email is required: enter your email address.',
	'customer.email.invalid':
		'Email "{value}" is not a valid address: expected name@example.com, without spaces.',
	'customer.phone.invalid':
		'Phone "{value}" is not a valid number: use only digits, spaces and + - ( ) . (at least 3 digits), or leave it empty.',
	// R2: the limits shared with the license server (engine/customer-limits.ts)
	'customer.company.too-long':
		'Company holds at most {max} characters ({length} given): shorten it.',
	'customer.company.control-character':
		'Company holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.person.too-long':
		'Person holds at most {max} characters ({length} given): shorten it.',
	'customer.person.control-character':
		'Person holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.address.too-long':
		'Address holds at most {max} characters ({length} given): shorten it.',
	'customer.address.control-character':
		'Address holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.country.too-long':
		'Country holds at most {max} characters ({length} given): shorten it.',
	'customer.country.control-character':
		'Country holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.email.too-long':
		'Email holds at most {max} characters ({length} given): shorten it.',
	'customer.email.control-character':
		'Email holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.phone.too-long':
		'Phone holds at most {max} characters ({length} given): shorten it.',
	'customer.phone.control-character':
		'Phone holds a control character (a tab, a line break or an invisible code): remove it.',
	'customer.invalid':
		'The customer form has {count} error(s): correct them, then save again.',
	'customer.saved': 'Customer saved: {company}.',
	'customer.registered-invalid':
		'The registered customer is outside the limits the license server applies, so every activation would be refused: register it again (myq-license register, or Settings > License).',
	'customer.not-registered':
		'No customer is registered yet: fill in the customer form (or run `myq-license register`) first.',
	'customer.missing':
		'Fill in the customer form (Company, Person, Address, Country, Email) and save it before adding keys.',

	// R3: keys
	'key.malformed':
		'Key "{key}" is malformed: a key is 25 symbols in five groups (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Check it against the key you received.',
	'key.bad-checksum':
		'Key "{key}" does not pass its check: a symbol was mistyped or two were swapped. Check it against the key you received.',
	'key.duplicate': 'Key "{key}" was typed more than once: it is added once.',
	'key.second-installation':
		'Key "{key}" is an installation key, and this installation already has one (SPEC: one per installation): it was not added. Add license keys for more licenses.',
	'key.too-many-pending':
		'Key "{key}" was not added: {max} keys already wait for activation, the most one activation sends. Activate them, then add the others.',
	'key.already-present':
		'Key "{key}" is already in the license table: it was not added again.',
	'key.added': 'Key {key} added, pending activation.',
	'key.added-count':
		'{count} key(s) added, pending activation. Press Enter on Activate (selected now) to activate them.',
	'key.none':
		'No key entered: type one or more keys, separated by spaces, commas or new lines.',
	'key.expected-license':
		'Key "{key}" is an installation key, but a license key is expected here.',
	'key.expected-installation':
		'Key "{key}" is a license key, but an installation key is expected here.',

	// R4: Activate
	'activation.activated': 'Activated {count} license(s).',
	'activation.nothing':
		'Nothing to activate: add a key first (Save), then Activate.',
	'activation.offline':
		'Offline: the license server could not be reached, the keys stay pending. Use manual activation: export a request file, have it answered on the MyQ licensing portal, then import the response file.',
	'activation.failed':
		'Activation failed: {reason}. The keys stay pending: try again, or use manual activation.',
	'activation.refused':
		'Key "{key}" was refused by the license server: {reason}',
	'activation.reactivated': "Licenses reactivated on this server's hardware.",

	// R5: manual activation
	'manual.request-exported':
		'Activation request saved to {path}. Have it answered on the MyQ licensing portal, then import the response file.',
	'manual.no-request':
		'No activation request is waiting for a response: export a request file first.',
	'manual.wrong-fingerprint':
		'This response file was made for another server (fingerprint {fingerprint}, this server is {expected}). Nothing was changed: export a new request from this server.',
	'manual.other-request':
		'This response file answers another request ({requestId}, the request waiting is {expected}). Nothing was changed: import the response to the latest request, or export a new one.',
	'manual.altered':
		'This response file was altered or damaged: its signature does not match. Nothing was changed: get the file again from the portal.',
	'manual.outdated':
		'This response file is outdated: a newer activation is already in place. Nothing was changed.',
	'manual.unreadable':
		'{path} is not an activation response file ({reason}). Nothing was changed.',

	// R7: printing devices
	'device.activated': 'Device {id} activated ({count} of {capacity}).',
	'device.refused':
		'Device refused: capacity {capacity} reached: {count} devices are activated. Add a license to activate more devices.',
	'device.deactivated': 'Device {id} deactivated.',
	'device.unlicensed':
		'{count} device(s) unlicensed: capacity fell to {capacity}. They are licensed again when capacity returns.',
	'device.relicensed': '{count} device(s) licensed again.',

	// Runtime outcomes (runtime/outcome.ts): what a command did, as the CLI, the dashboard and
	// the simulator say it. R2, R3: Save
	'outcome.invalid-form': '{errors}',
	'outcome.customer-saved': 'Customer saved.',
	'outcome.keys-added': '{count} key(s) added, pending activation.',
	'outcome.keys-refused': '{count} key(s) refused.',
	'outcome.nothing-to-save': 'Nothing to save.',
	// R4: Activate
	'outcome.customer-past-limits':
		'The registered customer is outside the limits the license server applies ({fields}), which would refuse the activation: nothing was sent. Register it again (myq-license register, or Settings > License).',
	'outcome.nothing-to-activate':
		'There is no key to activate: add a key and save first.',
	'outcome.activated': 'Activated: {added} new license(s), {total} in all.',
	'outcome.reactivated':
		"Licenses reactivated on this server's hardware ({total} in all).",
	'outcome.up-to-date':
		'Activated: the licenses are up to date ({total} in all).',
	'outcome.refused':
		'No new license: the license server refused the key(s) ({total} license(s) in all).',
	'outcome.key-refused': '{key}: {reason}',
	'outcome.vendor-key-pinned':
		'The vendor public key {key} is now trusted ({how}), recorded in {file}: documents signed with any other key are refused.',
	'outcome.trust-given': 'given by you',
	'outcome.trust-first-use': 'the key {server} presents, trusted on first use',
	'outcome.vendor-key-already-trusted':
		'The vendor public key {key} is already trusted, in {file}.',
	'outcome.vendor-key-differs':
		'{file} already trusts another vendor key, {trusted}; this one is {key}. Nothing was changed: documents signed with the trusted key would no longer be accepted. If the vendor really changed its key, run again with --replace.',
	'outcome.vendor-key-unavailable':
		'The license server did not give its public key ({reason}); nothing was trusted. Check --server, or give the key the vendor published: myq-license trust KEY.',
	'outcome.activation-refused':
		'The license server refused the activation: {reason}',
	'outcome.offline':
		'Activation failed: {cause}. The keys stay pending. Without network, use manual activation: export a request file, take it to the vendor portal, and import the response.',
	'outcome.cause-unreachable':
		'the license server could not be reached ({reason})',
	'outcome.cause-untrusted':
		'the license server answered something that cannot be trusted ({reason})',
	// R14: Connect now
	'outcome.connected':
		'Connected to the license server: licenses are up to date.',
	'outcome.connected-clock-behind':
		"Connected to the license server, but this server's clock is still {behind} behind its time: the time is not confirmed, no subscription counts. Set the clock right, then connect again.",
	'outcome.duration-minutes': '{amount} min',
	'outcome.duration-hours': '{amount} h',
	'outcome.duration-days': '{amount} days',
	'outcome.not-activated':
		'Nothing is activated yet: there is nothing to ask the license server.',
	'outcome.server-refused': 'The license server refused: {reason}',
	'outcome.network':
		'The license server could not be reached ({reason}). Check the network and try again with Connect now; licenses keep working during the grace periods.',
	'outcome.timeout':
		'The license server could not be reached ({reason}). Check the network and try again with Connect now; licenses keep working during the grace periods.',
	'outcome.http':
		'The license server could not be reached ({reason}). Check the network and try again with Connect now; licenses keep working during the grace periods.',
	'outcome.bad-signature':
		'The license server answered something that cannot be trusted ({reason}). Nothing was changed; licenses keep working during the grace periods. Try Connect now again later.',
	'outcome.bad-response':
		'The license server answered something that cannot be trusted ({reason}). Nothing was changed; licenses keep working during the grace periods. Try Connect now again later.',
	'outcome.stale':
		"The license server's answer is not fresh ({reason}): only an answer made for this contact counts. Nothing was changed; licenses keep working during the grace periods. Try Connect now again later.",
	'outcome.wrong-url':
		"{url} does not look like a license server: {answer}. The URL looks wrong: check --server (or MYQ_LICENSE_SERVER); a license server's address has no path, like https://licensing.example.com. Nothing was changed; licenses keep working during the grace periods.",
	'outcome.wrong-url-not-found':
		'nothing answers there (HTTP {status}) where its API should be',
	'outcome.wrong-url-web-page':
		'it answers with a web page (HTTP {status}), as a proxy or a web site does',
	'outcome.wrong-url-redirect':
		'it redirects elsewhere (HTTP {status}), which a license server never does',
	// The license-server client's and the trust checker's reasons: reasons-en.ts (the client says
	// them in English for its logs without loading the catalogs).
	...reasonsEn,
	// R5: manual activation
	'outcome.imported':
		'Activated from the response file: {added} new license(s).',
	'outcome.altered-file': '{problem}',
	'outcome.response-unreadable':
		'The response file cannot be used: {reason}. Ask the vendor portal for a new one.',
	'outcome.response-unsigned':
		'The response file is not signed by the vendor: {reason}.',
	'outcome.not-a-response': 'This file is not an activation response.',
	'outcome.response-bad-document':
		'The document inside the response cannot be used: {reason}.',
	'outcome.no-vendor-key':
		'No vendor public key is trusted yet, so nothing the license server signs can be checked; nothing was asked or changed. Give the key with --vendor-key or MYQ_VENDOR_KEY (vendor serve prints it), or record it with: myq-license trust KEY (or myq-license trust, to trust the key the license server presents).',
	'outcome.other-installation':
		'This response was made for another installation.',
	'outcome.no-request':
		'No activation request is waiting (the response answers request {requestId}). Export a new request.',
	'outcome.other-request':
		'This response answers another request ({requestId}); the request waiting is {expected}. Use the response made for the latest request file.',
	'outcome.other-fingerprint':
		'This response was made for another server (its hardware fingerprint differs). Export a request on this server and use the response made for it.',
	'outcome.outdated-response':
		'This response is older than the licenses already active on this server; it would undo later changes. Export a new request.',
	'outcome.request-written':
		'Activation request written to {path}. Take it to the vendor portal, then: myq-license import RESPONSE-FILE',
	// R7: printing devices
	'outcome.device-activated': 'Device {id} activated.',
	'outcome.device-deactivated': 'Device {id} deactivated.',
	'outcome.device-exists': 'Device {id} is already activated.',
	'outcome.capacity-reached':
		'Device {id} refused: capacity is {capacity} and {count} devices are activated.',
	'outcome.unknown-device': 'There is no activated device {id}.',
	'outcome.device-name-empty':
		'A device needs a name: give one, or none for the next free one (device-N).',
	'outcome.device-name-too-long':
		'A device name holds at most {max} characters ({length} given): shorten it.',
	'outcome.device-name-unprintable':
		'A device name holds only printable characters; this one has control characters ({id}): remove them.',
	'outcome.no-device': 'No device is activated.',
	// The simulator's own steps
	'outcome.portal-refused': 'The vendor portal refused the request: {reason}',
	'outcome.vendor-done': 'vendor {action} {key}',
	'outcome.vendor-extended': 'vendor extend {key} by {days} days',
	'outcome.vendor-refused': '{reason}',
	'outcome.key-refusals': '{reasons}',

	// R12-R14: contacts with the license server
	'contact.succeeded':
		'Connected to the license server: licenses are up to date.',
	'contact.failed':
		'Could not connect to the license server: {reason}. Check the internet connection and try Connect now.',
	'contact.refused': 'The license server refused: {reason}',

	// R15: clock rollback
	'clock.tampered':
		'The server clock went back from {from} to {to}: subscriptions do not count until a connection to the license server confirms the time.',
	'clock.confirmed': 'The license server confirmed the time.',

	// R8: hardware binding
	'hardware.changed':
		'The hardware fingerprint changed ({fingerprint}): reactivate the licenses within {days} day(s).',
	'hardware.restored':
		'The original hardware is back: the licenses are valid again.',

	// R16: integrity
	'document.rejected':
		'A license document was rejected: {reason}. Nothing was deleted: activate again, or contact MyQ support.',
	'problem.no-vendor-key':
		'The licenses cannot be checked: no vendor public key is trusted (R16), so the stored license document is not read. Give the key with --vendor-key or MYQ_VENDOR_KEY (vendor serve prints it), or record it with: myq-license trust KEY (or myq-license trust, to trust the key the license server presents). Nothing was deleted.',
	'problem.bad-signature':
		'The stored license document was rejected: {reason}. It is kept, not read. Connect to the license server (myq-license connect) to get a valid document back, or activate again; if the vendor key changed, trust the new one (myq-license trust KEY --replace).',
	'problem.bad-document':
		'The stored license document cannot be read: {reason}. It is kept, not read. Connect to the license server (myq-license connect) to get a valid document back, or activate again.',
	'problem.unreadable-state':
		'The stored state cannot be read: {reason}. Nothing in it is trusted; the next command that saves keeps a copy of it aside. Register the customer, add the keys and activate again, or contact MyQ support.',

	// The engine's log (Events screen, `simulate` events): `log.<code>` for each LogCode of
	// engine/types.ts; the groups below them name the ids a log entry's params hold
	// (i18n/log.ts LOG_PARAM_GROUPS). A failure kind or refusal code not listed here is said in
	// the source's own words (the entry's `message`).
	'log.started': 'server started',
	'log.customer-saved': 'customer saved: {company}',
	'log.key-added': '{keyKind} {key} added, pending activation',
	'log.key-refused': '{keyRefusal}',
	'log.license-activated': '{id}: {kind}, {devices} device(s)',
	'log.activation-refused': '{key}: {refusal}',
	'log.activation-failed':
		'activation failed: {failure}. The keys stay pending; without network, use manual activation.',
	'log.contact-refused': 'the license server refused: {refusal} ({code})',
	'log.contact-failed': 'the license server could not be reached: {failure}',
	'log.license-replaced':
		'a valid document from the license server replaced the rejected one',
	'log.license-extended': '{id} now expires on {date}',
	'log.license-renewal-on': '{id}: automatic renewal on',
	'log.license-renewal-off': '{id}: automatic renewal off',
	'log.license-expired': '{id} expired ({reason})',
	'log.license-revoked': '{id} was revoked by the vendor',
	'log.hardware-changed': 'the hardware changed: reactivate within {days} days',
	'log.hardware-restored': 'the original hardware is back',
	'log.reactivated': 'licenses reactivated on the new hardware',
	'log.device-activated': 'device {id} activated ({count}/{capacity})',
	'log.device-refused':
		'device {id} refused: capacity is {capacity} and {count} devices are activated',
	'log.device-deactivated': 'device {id} deactivated',
	'log.clock-tampered': 'the clock went back by {amount} {unit}',
	'log.clock-confirmed': 'the license server confirmed the time',
	'log.clock-still-behind':
		"the license server's time is {amount} {unit} ahead of this clock: the time is not confirmed; set the clock right, then connect again",
	'log.document-rejected': '{source} rejected: {message}',
	'log.manual-request-exported': 'activation request {requestId} exported',
	'log.manual-response-refused': 'activation response refused: {message}',
	'log.vendor-key-pinned':
		'the admin chose to trust the vendor public key {key} that the license server presents; documents signed with any other key are refused',
	'log.state-changed': '{from} -> {to}',
	'log.state-stopped': '{from} -> {to} ({stopReason})',
	'log.stop-reason.license-problem': 'license problem',
	'log.stop-reason.server-stopped': 'license server unreachable',
	'log.failure.network': 'no answer over the network',
	'log.failure.timeout': 'no answer in time',
	'log.failure.http': 'the server answered with an HTTP error',
	'log.failure.rejected': 'the license server refused the request',
	'log.failure.bad-signature':
		'its answer does not match the vendor key (altered, or signed by another key)',
	'log.failure.bad-response': 'its answer cannot be read',
	'log.failure.stale':
		'its answer was not made for this contact (replayed or stale)',
	'log.failure.wrong-url':
		'the address does not look like a license server (check the URL)',
	'log.refusal.unknown-key': 'unknown key',
	'log.refusal.malformed-key': 'malformed key',
	'log.refusal.key-bound-elsewhere':
		'key already bound to another installation',
	'log.refusal.unknown-installation': 'unknown installation',
	'log.refusal.revoked': 'license revoked by the vendor',
	'log.refusal.rate-limited':
		'too many activations of this key in an hour, try again later',
	'log.source.stored-state': 'stored state',
	'log.source.stored-document': 'stored document',
	'log.unit.minutes': 'minutes',
	'log.unit.hours': 'hours',
	'log.unit.days': 'days',
	// The simulator's own events (a vendor action of a scenario step)
	'log.vendor-extend': 'vendor extend {key} by {days} days',
	'log.vendor-cancel-renewal': 'vendor cancel-renewal {key}',
	'log.vendor-revoke': 'vendor revoke {key}',
	'log.vendor-refused': 'vendor {action} {key} refused: {message}',
	'log.vendor-action.extend': 'extend',
	'log.vendor-action.cancel-renewal': 'cancel-renewal',
	'log.vendor-action.revoke': 'revoke',

	// Scenario steps as the demo names them (simulation bar, status line)
	'step.when': 'day {day}',
	'step.when-later': 'day {day} +{hours}h',
	'step.register': 'register the customer (fill in and save the form)',
	'step.add-key': 'add the key {key}',
	'step.activate': 'press Activate',
	'step.activate-manual': 'activate by file (manual activation)',
	'step.import-response': 'import a response file',
	'step.hardware': 'restart MyQ on other hardware ({use})',
	'step.network.online': 'online',
	'step.network.offline': 'offline',
	'step.network.error': 'server errors',
	'step.network.slow': 'slow',
	'step.network.garbage': 'garbled answers',
	'step.devices-activate': 'activate {count} printing device(s)',
	'step.devices-deactivate': 'deactivate {count} printing device(s)',
	'step.restart': 'restart the MyQ server',
	'step.connect': 'press Connect now',
	'step.network-online': 'restore the network (online)',
	'step.network-offline': 'cut the network (offline)',
	'step.network-error': 'make the license server answer with errors',
	'step.network-slow': 'make the network slow (timeouts)',
	'step.network-garbage': "garble the license server's answers",
	'step.clock-back': 'set the server clock back {minutes} min',
	'step.clock-forward': 'set the server clock forward {minutes} min',
	'step.vendor-extend': 'the vendor extends {key} by {days} days',
	'step.vendor-cancel-renewal': 'the vendor cancels the renewal of {key}',
	'step.vendor-revoke': 'the vendor revokes {key}',

	// Dashboard and CLI labels
	'ui.home': 'Home',
	'ui.settings-license': 'Settings > License',
	'ui.license': 'License',
	'ui.licenses': 'Licenses',
	'ui.customer': 'Customer',
	'ui.events': 'Events',
	'ui.enter-license': 'Enter license',
	'ui.key-field': 'Enter installation key',
	'ui.key-field.more': 'Add license keys',
	'ui.save': 'Save',
	'ui.activate': 'Activate',
	'ui.connect-now': 'Connect now',
	'ui.manual-activation': 'Manual activation',
	'ui.export-request': 'Export request file',
	'ui.import-response': 'Import response file',
	'ui.column.key': 'Key',
	'ui.column.kind': 'Type',
	'ui.column.devices': 'Devices',
	'ui.column.status': 'Status',
	'ui.column.expires': 'Expires',
	'ui.column.renews': 'Renews',
	'ui.capacity': 'Capacity: {capacity} printing device(s), {count} activated',
	'ui.expires-on': 'Expires on {date}',
	'ui.expired-on': 'Expired on {date}',
	'ui.renews-on': 'Renews automatically on {date}',
	'ui.never': 'Never',
	'ui.no-licenses': 'No license yet.',
	'ui.search-country': 'Type to search a country',
	'ui.no-country-found': 'No country matches "{query}".',

	// The dashboard (issue 5): chrome, screens, demo bar, key hints
	'ui.product': 'MyQ License',
	'ui.devices': 'Devices',
	'ui.help': 'help',
	'ui.starting':
		'Starting: loading the licenses and contacting the license server…',
	'ui.starting-demo': 'Starting the simulator…',
	'ui.needs-terminal':
		'The dashboard needs a terminal: {streams}. In scripts, use myq-license status (--json for one JSON document) and the other commands (myq-license --help lists them).',
	'ui.needs-terminal.stdin': 'its standard input is not a terminal (TTY)',
	'ui.needs-terminal.stdout':
		'its standard output is not a terminal (TTY): it is a pipe or a file',
	'ui.needs-terminal.both':
		'neither its standard input nor its standard output is a terminal (TTY)',
	'ui.keys': 'Keys',
	'ui.keys-hint': 'installation or license keys, separated by spaces or commas',
	'ui.key.ok': '{key}: {kind}',
	'ui.key.short': '{input}: {count} of 25 symbols so far',
	'ui.key.long':
		'{input}: {count} symbols, a key has 25 (separate keys with commas)',
	'ui.key.symbol':
		'{input}: "{symbol}" is not used in keys (0-9 and A-Z except U)',
	'ui.key.kind':
		'{input} is not a MyQ key: keys start with N (installation) or K (license)',
	'ui.key.checksum': '{input} has a typo: its check symbol does not match',
	'ui.key.present':
		'{key} is already in the license table: Save will not add it again',
	'ui.input.paste-ignored':
		'Pasted text left out ({count} characters): no field was being typed into, and its letters would have run as keys (q quits). Choose a field, press Enter to type into it, then paste.',
	'ui.input.left-out':
		'Left out of the field: {chars} (control characters: a field takes printable text only).',
	'ui.key.second-installation':
		'{key} is an installation key, and this installation already has one ({installation}): Save will refuse it. Add license keys for more licenses.',
	'ui.key.more': '… and {count} more',
	'ui.country-list-hint': '↓ goes into the list · Tab or Enter picks the first',
	'ui.hint.save':
		'Saves the customer and adds the keys to the table, pending activation.',
	'ui.hint.activate':
		'Redeems pending keys at the license server, and reactivates on this hardware.',
	'ui.hint.connect':
		'Update from license server: renewals, extensions, cancellations.',
	'ui.hint.manual':
		'Without network on this server: the request and the response as files or as text to copy.',
	'ui.manual.request-file': 'Request file',
	'ui.manual.response-file': 'Response file',
	'ui.manual.hint':
		'Take the request file to the MyQ licensing portal, then import the response file it gives you.',
	'ui.manual.demo-hint':
		'Demo: the simulated licensing portal answers as soon as the request is exported.',
	'ui.manual.demo-answered':
		'Demo: the simulated vendor portal wrote its response to {path}: choose Read the response file.',
	'ui.column.activated': 'Activated',
	'ui.column.expires-renews': 'Expires/renews',
	'ui.status-short.pending': 'Pending',
	'ui.status-short.active': 'Active',
	'ui.status-short.hardware-grace': 'Hardware grace',
	'ui.status-short.offline-grace': 'Offline grace',
	'ui.status-short.expired': 'Expired',
	'ui.status-short.invalid': 'Invalid',
	'ui.reason.revoked': 'revoked by the vendor',
	'ui.reason.not-renewed': 'not renewed',
	'ui.reason.server-unreachable': 'the license server could not be reached',
	'ui.reason.hardware-changed': 'the hardware changed: activate again',
	'ui.reason.clock-tampered':
		'the clock was set back: connect to confirm the time',
	'ui.reason.integrity': 'the license document failed verification',
	'ui.reason.offline': 'expired while offline: connect to renew',
	'ui.reason.hardware': 'other hardware',
	'ui.table.position': '{from}–{to} of {total} · ↑↓ PgUp PgDn',
	'ui.table.refused': 'refused: {message}',
	'ui.home.capacity': 'Capacity',
	'ui.home.capacity-value':
		'{capacity} printing device(s): {activated} activated, {free} free',
	'ui.home.unlicensed-devices':
		'{count} device(s) unlicensed (capacity exceeded)',
	'ui.home.subscription': 'Subscription',
	'ui.home.in-days': '(in {days} day(s))',
	'ui.home.more': '(+{count} more)',
	'ui.home.expired-offline':
		'Expired on {date}: offline grace, connect to renew',
	'ui.home.no-subscription': 'Perpetual licenses only: no expiry',
	'ui.home.license-server': 'License server',
	'ui.home.last-contact': 'Last contact {date}',
	'ui.home.never-contacted': 'Never contacted',
	'ui.home.unreachable-since': 'Unreachable since {date}',
	'ui.home.hardware': 'Hardware',
	'ui.home.hardware-bound': 'Bound to this server ({fingerprint})',
	'ui.home.hardware-changed':
		'Changed: reactivate by {date} ({days} day(s) left)',
	'ui.home.hardware-invalid':
		'Changed more than 7 days ago: licenses invalid until you activate again',
	'ui.home.next-change': 'Next change',
	'ui.home.unlicensed': 'No license yet: MyQ runs once a license is activated.',
	'ui.home.enter-license-hint':
		'Press Enter to open Settings > License and enter your keys.',
	'ui.home.recent-events': 'Recent events',
	'ui.home.no-customer': 'No customer registered yet.',
	'ui.devices.title': 'Printing devices',
	'ui.devices.summary':
		'Capacity {capacity} · {activated} activated · {free} free',
	'ui.devices.activated-at': 'activated {date}',
	'ui.devices.licensed': 'licensed',
	'ui.devices.unlicensed': 'UNLICENSED',
	'ui.devices.none': 'No printing device is activated.',
	'ui.devices.hint':
		'a activate a device · Del or - deactivate the selected one · ↑↓ select',
	'ui.events.title': 'Events, newest first',
	'ui.events.count-one': '1 event',
	'ui.events.count': '{count} events',
	'ui.events.none': 'No event yet.',
	'ui.outcome.activated': 'Activated: {added} new license(s), {total} in all.',
	'ui.outcome.not-activated':
		'Nothing is activated yet: there is nothing to ask the license server.',
	'ui.outcome.failed': 'Failed: {message}',
	'ui.trust.offer':
		"No vendor key is trusted yet. The license server presents the key {key}: if it is your vendor's, press {action} again to trust it from now on (recorded in your config directory).",
	'ui.trust.done': 'Vendor key {key} trusted on first use, recorded in {file}.',
	'ui.trust.unavailable':
		'No vendor key is trusted yet, and the license server did not give one ({reason}). Start the dashboard with --vendor-key, or run: myq-license trust KEY.',
	'ui.busy.save': 'Saving…',
	'ui.busy.activate': 'Activating at the license server…',
	'ui.busy.connect': 'Connecting to the license server…',
	'ui.busy.export': 'Exporting the activation request…',
	'ui.busy.import': 'Importing the activation response…',
	'ui.busy.device': 'Updating the devices…',
	'ui.label': '{label}: {value}',
	// The footer: the words after the keys of ui/keymap.ts.
	'ui.key-hint.or': 'or',
	'ui.key-hint.open': 'open',
	'ui.key-hint.screens': 'screens',
	'ui.key-hint.help': 'help',
	'ui.key-hint.quit': 'quit',
	'ui.key-hint.quits': 'quits',
	'ui.key-hint.move': 'move',
	'ui.key-hint.press': 'press',
	'ui.key-hint.leave': 'leave',
	'ui.key-hint.back': 'back',
	'ui.key-hint.back-to-form': 'back to the form',
	'ui.key-hint.typing': 'Typing',
	'ui.key-hint.next-field': 'next field',
	'ui.key-hint.previous': 'previous',
	'ui.key-hint.demo-key': 'demo key',
	'ui.key-hint.leave-field': 'leave the field',
	'ui.key-hint.select': 'select',
	'ui.key-hint.activate': 'activate',
	'ui.key-hint.deactivate': 'deactivate',
	'ui.key-hint.scroll': 'scroll',
	'ui.key-hint.any-key-closes': 'Any other key closes the help',
	'ui.key-hint.go': 'go',
	'ui.key-hint.cancel': 'cancel',
	'ui.key-hint.time': 'time',
	'ui.key-hint.jump': 'day…',
	'ui.key-hint.play': 'play',
	'ui.key-hint.network': 'network',
	'ui.key-hint.hardware': 'hardware',
	'ui.key-hint.restart': 'restart',
	'ui.key-hint.step': 'step',
	'ui.key-hint.key': 'key',
	'ui.help.key.enter': 'Enter',
	'ui.help.key.escape': 'Esc',
	'ui.help.key.delete': 'Del',
	'ui.help.key.shift-tab': 'Shift+Tab',
	'ui.help.title': 'Keys: {place}',
	'ui.help.screens': 'Home/Settings/Devices/Events',
	'ui.help.tab': 'next / previous control (a screen, outside forms)',
	'ui.help.arrows': 'move in forms, lists and menus',
	'ui.help.enter': 'press, pick, start typing in a field',
	'ui.help.escape': 'stop typing, close, clear the filter, go back',
	'ui.help.pages': 'scroll a page or a list by a screen',
	'ui.help.devices': 'activate / deactivate device',
	'ui.help.help': 'this help',
	'ui.help.quit': 'quit, terminal restored',
	'ui.help.demo-title': 'Demo simulation',
	'ui.help.demo.time': '+1 hour, day, week, 30 days',
	'ui.help.demo.next': 'to the next change: a banner, a count, a status',
	'ui.help.demo.jump': 'a day number, then Enter: go to that day, earlier too',
	'ui.help.demo.play': 'play / pause time',
	'ui.help.demo.network': 'cut / restore the network',
	'ui.help.demo.swap': 'restart on other hardware',
	'ui.help.demo.restart': 'restart the MyQ server',
	'ui.help.demo.step': 'next scenario step',
	'ui.help.demo.key': 'pick a demo key to paste (added to the field)',
	'ui.help.renews': 'renews automatically',
	'ui.help.close': 'Any other key closes this help (q quits).',
	'ui.demo-keys.title':
		'Demo keys (Ctrl+K picks one to paste, even while typing):',
	'ui.demo-key.perpetual': 'perpetual, {devices} device(s)',
	'ui.demo-key.subscription': 'subscription, {devices} device(s), {days} days',
	'ui.demo-key.subscription-renews':
		'subscription, {devices} device(s), {days} days, renews',
	'ui.demo.badge': 'DEMO',
	'ui.demo.day': 'day {day}',
	'ui.demo.network': 'network',
	'ui.demo.hardware': 'hardware',
	'ui.demo.playing': 'playing',
	'ui.demo.paused': 'paused',
	'ui.demo.timeline': 'Timeline',
	'ui.demo.jump-prompt': 'Time (day {day} now): a day, or h d w m x:',
	'ui.demo.moved': 'Simulated time: {date} (day {day}).',
	'ui.demo.swapped': 'The MyQ server restarted on hardware {hardware}.',
	'ui.demo.restarted': 'The MyQ server restarted.',
	'ui.demo.stepped': 'Scenario: {step}.',
	'ui.demo.no-more-steps': 'The scenario has no more steps.',
	'ui.network.online': 'online',
	'ui.network.offline': 'OFFLINE',
	'ui.network.error': 'server errors',
	'ui.network.slow': 'slow',
	'ui.network.garbage': 'garbled answers',
	'ui.event.started': 'Started',
	'ui.event.customer-saved': 'Customer saved',
	'ui.event.key-added': 'Key added',
	'ui.event.key-refused': 'Key refused',
	'ui.event.license-activated': 'License activated',
	'ui.event.activation-failed': 'Activation failed',
	'ui.event.activation-refused': 'Activation refused',
	'ui.event.contact-succeeded': 'Contact succeeded',
	'ui.event.contact-failed': 'Contact failed',
	'ui.event.contact-refused': 'Contact refused',
	'ui.event.license-changed': 'License changed',
	'ui.event.license-expired': 'License expired',
	'ui.event.license-revoked': 'License revoked',
	'ui.event.hardware-changed': 'Hardware changed',
	'ui.event.hardware-restored': 'Hardware restored',
	'ui.event.reactivated': 'Reactivated',
	'ui.event.device-activated': 'Device activated',
	'ui.event.device-refused': 'Device refused',
	'ui.event.device-deactivated': 'Device deactivated',
	'ui.event.clock-tampered': 'Clock set back',
	'ui.event.clock-confirmed': 'Clock confirmed',
	'ui.event.document-rejected': 'Document rejected',
	'ui.event.manual-request-exported': 'Request exported',
	'ui.event.manual-response-refused': 'Response refused',
	'ui.event.vendor-key-pinned': 'Vendor key trusted',
	'ui.event.state-changed': 'State changed',
	'ui.form.conflict':
		'The stored customer changed while you edited this form (now: {company}), by another program on the same store. Reload takes the stored one; Keep mine keeps this form, and Save will replace it.',
	'ui.form.reload': 'Reload',
	'ui.form.keep': 'Keep mine',
	'ui.form.conflict-pending':
		'The stored customer changed while you edited the form: choose Reload or Keep mine before you Save.',
	'ui.confirm.deactivate':
		'Deactivate printing device {id}? It stops printing until it is activated again.',
	'ui.confirm.deactivate-yes': 'Yes, deactivate {id}',
	'ui.confirm.no': 'No, keep it',
	'ui.message.more': '… i shows the whole message',
	'ui.message.title': 'The whole message',
	'ui.page.position': 'rows {from}–{to} of {total} · PgUp PgDn scroll',
	'ui.key.repeated':
		'{key} is typed more than once: Save will add it once and refuse this one',
	'ui.column.why': 'Why',
	'ui.table.keys-hint': '/ filter · f full keys',
	'ui.table.problems': '{count} not counting: why below',
	'ui.filter.summary': '{count} of {total} · n N next/previous · Esc clears',
	'ui.filter.none': 'Nothing matches the filter (Esc clears it).',
	'ui.outcome.up-to-date':
		'Activated: the licenses are up to date ({total} in all).',
	'ui.key-hint.filter': 'filter',
	'ui.key-hint.matches': 'next/previous match',
	'ui.key-hint.clear-filter': 'clear the filter',
	'ui.key-hint.any-key-closes-message': 'Any other key closes the message',
	'ui.key-hint.day-number': 'day',
	'ui.key-hint.yes': 'yes',
	'ui.key-hint.no': 'no',
	'ui.key-hint.choose': 'choose',
	'ui.key-hint.stop-typing': 'stop typing',
	'ui.key-hint.keep-filter': 'keep the filter',
	'ui.key-hint.import-when-whole': 'imports once whole',
	'ui.key-hint.next': 'next',
	'ui.key-hint.do': 'do',
	'ui.key-hint.pick': 'pick',
	'ui.key-hint.back-to-typing': 'back to typing',
	'ui.key-hint.type': 'type in the field',
	'ui.key-hint.full-keys': 'full keys',
	'ui.key-hint.type-press': 'type or press',
	'ui.key-hint.details': 'licenses',
	'ui.help.menu-number': 'pick that item of the menu',
	'ui.key-hint.copy-then-close':
		'Copy the lines from BEGIN to END, then any key closes',
	'ui.help.place.text': 'a text to copy',
	'ui.country-list-hint-in':
		'↑↓ j k choose · Enter or its digit picks · Esc: typing',
	'ui.key-hint.time-anywhere': 'time',
	'ui.mode.browse': 'Browse',
	'ui.mode.typing': 'Typing: {field}',
	'ui.mode.day': 'day',
	'ui.mode.filter': 'filter',
	'ui.help.first-last': 'first / last',
	'ui.help.left-right': 'along the buttons; in a field, the cursor',
	'ui.help.text-ends': 'start / end of the text',
	'ui.help.text-clear': 'clear the field / erase a word',
	'ui.help.enter-typing': 'next field (in the paste field: imports once whole)',
	'ui.help.filter': 'filter the list',
	'ui.help.match': 'next / previous match',
	'ui.help.full-keys': 'show the keys whole',
	'ui.help.confirm': 'yes / no',
	'ui.help.message': 'the whole message, when cut',
	'ui.help.demo.time-prompt': 'time prompt, even while typing',
	'ui.help.place.typing': 'typing in a field',
	'ui.help.place.menu': 'a menu',
	'ui.help.place.confirm': 'a question',
	'ui.help.place.time': 'the time prompt',
	'ui.help.place.home': 'Home',
	'ui.help.place.settings': 'Settings > License',
	'ui.help.place.table': 'the license table',
	'ui.help.place.manual': 'Manual activation',
	'ui.help.place.devices': 'Devices',
	'ui.help.place.events': 'Events',
	'ui.manual.intro':
		'When this server has no network: give the activation request to the vendor portal (as a file, or as text to copy), then bring its response back the same way.',
	'ui.manual.demo-intro':
		'Demo: the simulated vendor portal answers the request at once, as a file beside it and as text to copy back.',
	'ui.manual.folder': 'Folder',
	'ui.manual.write': 'Write the request file ({request})',
	'ui.manual.show': 'Show the request as text, to copy',
	'ui.manual.read': 'Read the response file ({response})',
	'ui.manual.paste': 'Paste the response as text',
	'ui.manual.request-text':
		'Activation request: copy the lines from BEGIN to END to the vendor portal.',
	'ui.manual.portal-text':
		"The demo's vendor portal answered: copy the lines from BEGIN to END, then choose Paste the response.",
	'ui.manual.response': 'Response',
	'ui.manual.paste-hint': 'paste the lines from BEGIN to END',
	'ui.manual.paste-whole':
		'A whole activation response ({count} characters): Enter imports it.',
	'ui.manual.paste-empty':
		'Paste the response: the lines from BEGIN to END, or its JSON text.',
	'ui.manual.paste-incomplete': 'Not whole yet: paste up to the END line.',
	'ui.manual.paste-unreadable':
		'This is not an activation response: paste the lines from BEGIN to END as the portal gave them.',
	'ui.manual.import': 'Import the pasted response',
	'ui.manual.next-step':
		'Take it to the vendor portal, then bring its response back as {response} in the same folder, or as text.',
	'ui.manual.shown':
		'The request is shown as text: copy it to the vendor portal, then paste its response.',
	'ui.manual.shown-demo':
		"The demo portal's answer is shown as text: copy it, then choose Paste the response.",
	'ui.file.missing': 'no such file',
	'outcome.licenses-revoked':
		'Connected to the license server: {count} license(s) revoked by the vendor ({ids}); they no longer count. See Settings > License.',
	'outcome.licenses-lost':
		'Connected to the license server: {count} license(s) no longer count ({ids}). See Settings > License for why.',
	'log.contact-restored':
		'the license server is reachable again (unreachable since {since})',
	// export-scenario (SPEC §5): the file's name and its comments
	'export.name': 'Customer installation, exported on {date}',
	'export.name-of': '{company}, exported on {date}',
	'export.header':
		"Exported by myq-license export-scenario on {date} from the installation's stored history.",
	'export.header-neutral':
		'Personal data and keys are replaced by neutral values. Replay it: myq-license simulate FILE',
	'export.header-personal-kept':
		"This file holds the customer's personal data and keys (--keep-personal-data): share it with care.",
	'export.expect':
		'The states the installation recorded: replaying this file must reproduce them.',
	'export.note.vendor-inferred':
		"Inferred: the license server's answer of {date} showed this change; the vendor made it some time before.",
	'export.note.clock-inferred':
		"Inferred: the license server's time showed that the server clock had moved since its previous answer.",
	'export.note.hardware-without-restart':
		'Inferred: the server saw other hardware without a restart; the simulator changes hardware by restarting.',
	'export.note.failure-approximated':
		'Here the exchange failed because {failure}; the simulator reproduces it with garbled answers.',
	'export.note.renewal-back-on':
		'{license}: automatic renewal was turned back on before {date}; the simulator has no vendor step for that.',
	'export.note.expiry-not-expressed':
		'{license}: its expiry moved to {date} in a way no vendor step of the simulator expresses.',
	'export.note.summary':
		'The installation as it stood when its older history was summarised, rebuilt on day 0.',
	'export.note.summarised':
		'The history before {date} was summarised (the installation keeps its last 400 days in full): day 0 rebuilds the installation as it stood then, its expiry dates as near as the vendor steps can set them.',
	'export.note.over-limits':
		'This installation has more than a scenario may hold ({steps} steps, {expectations} expectations, {devices} devices activated; at most {max} each): simulate refuses the file until some are removed.',
	'export.note.rough-terms':
		'Subscription terms that were not whole days are rounded: {licenses}.',
	// simulate --explain: the rule behind each banner, license status and the state (i18n/explain.ts)
	'explain.rule': '{rule}:',
	'explain.never': 'never',
	'explain.problem.no-vendor-key': 'no vendor key is configured',
	'explain.problem.bad-signature': 'not signed by the trusted vendor key',
	'explain.problem.bad-document': 'not a document this program reads',
	'explain.problem.unreadable-state': 'the stored state cannot be read',
	'explain.perpetual-active': 'perpetual license, activated {activatedAt}',
	'explain.subscription-active':
		'subscription, expires {expiresAt}, in {days} day(s)',
	'explain.subscription-renews':
		'subscription, renews automatically {expiresAt}, in {days} day(s)',
	'explain.expired-not-renewed':
		'expired {expiresAt}; the license server, reached since (last successful contact {lastSuccessAt}), did not extend it',
	'explain.offline-grace':
		'expired {expiresAt}, no successful contact since (last {lastSuccessAt}): counts until {graceEndsAt}, {days} day(s) left',
	'explain.expired-unreachable':
		'expired {expiresAt}, no successful contact since (last {lastSuccessAt}): the 10 days of grace ended {graceEndsAt}',
	'explain.revoked': 'revoked by the vendor {revokedAt}',
	'explain.hardware-grace':
		'other hardware seen {mismatchSince}: counts until {graceEndsAt} unless reactivated, {days} day(s) left',
	'explain.hardware-invalid':
		'other hardware seen {mismatchSince}, not reactivated by {graceEndsAt}',
	'explain.clock-held':
		'clock set back {tamperedAt}, {behind} minute(s) behind the latest time seen: no subscription counts until a contact confirms the time',
	'explain.integrity':
		'the stored document is not trusted since {sinceAt}: {problem}',
	'explain.pending': 'added {addedAt}, waiting for Activate',
	'explain.pending-refused':
		'added {addedAt}, refused by the license server at Activate: {refusal}',
	'explain.hardware-changed':
		'other hardware seen {mismatchSince}, 7 days to reactivate, until {graceEndsAt}: {days} day(s)',
	'explain.server-unreachable':
		'last successful contact {lastSuccessAt}, unreachable since {unreachableSince}, subscription {license} expires {expiresAt}, {grace} + {toExpiry} = {days} days',
	'explain.server-unreachable-grace':
		'last successful contact {lastSuccessAt}, unreachable since {unreachableSince}, subscription {license} expired {expiresAt}, {grace} - {toExpiry} = {days} days',
	'explain.subscription-expiring':
		'subscription {license} expires {expiresAt} and does not renew automatically: {days} day(s)',
	'explain.clock-tampered':
		'clock set back {tamperedAt}, {behind} minute(s) behind the latest time seen ({highWaterAt}); a successful contact confirms the time',
	'explain.stop-integrity':
		'nothing signed is trusted since {sinceAt}: {problem}',
	'explain.stop-server':
		'subscription {license} expired {expiresAt}, no successful contact in the 10 days after (last {lastSuccessAt}): nothing counts since {graceEndsAt}',
	'explain.stop-clock':
		'clock set back {tamperedAt}, {behind} minute(s) behind the latest time seen: nothing counts until a contact confirms the time',
	'explain.stop-nothing-counts':
		'none of the {licenses} license(s) counts any more',
	'explain.state-unlicensed': 'nothing was ever activated',
	'explain.state-running': '{counting} license(s) count, no banner',
	'explain.state-warning': '{counting} license(s) count, {banners} banner(s)',
	'explain.state-stopped':
		'something was activated once and no license counts now',
	'explain.capacity':
		'the devices of every license that counts: {sum} = {capacity}',
	'explain.devices':
		'{activated} activated, {licensed} licensed within the capacity of {capacity}; the most recent past it are unlicensed',
	'cli.explain.header': '{scenario}: day {day} ({date})',
	'cli.explain.state': 'State: {state}',
	'cli.explain.capacity': 'Capacity: {capacity}',
	'cli.explain.devices': 'Devices: {licensed}/{activated}',
	'cli.explain.banners': 'Banners',
	'cli.explain.no-banner': 'no banner',
	'cli.explain.licenses': 'Licenses',
	'cli.explain.no-license': 'no license',
	// simulate --report: the page for a support ticket (simulator/report-html.ts)
	'report.title': 'license timeline',
	'report.picture':
		'Timeline: the state of each day, the banners, the licenses, the steps and the events',
	'report.from': 'From',
	'report.to': 'To',
	'report.language': 'Language',
	'report.expectations': 'Expectations',
	'report.axis-day': 'day {day}',
	'report.day-one': 'day {day} ({date})',
	'report.day-range': 'days {from}-{to} ({start} to {end})',
	'report.days-left': '{days} d',
	'report.days-from-to': '{from} → {to} d',
	'report.state': 'State',
	'report.banners': 'Banners',
	'report.banner': 'Banner',
	'report.when': 'When',
	'report.day-counts': 'Days',
	'report.steps': 'Steps',
	'report.step': 'Step',
	'report.events': 'Events',
	'report.day': 'Day',
	'report.date': 'Date',
	'report.type': 'Type',
	'report.text': 'Text',
	'report.none': 'None.',
	'report.failed': 'Expectations that failed',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;
