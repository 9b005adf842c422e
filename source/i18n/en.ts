/**
 * English messages: the reference catalog. Its keys define `MessageId`; `fr.ts` must carry the
 * same keys with the same `{placeholders}` (checked by test/i18n.test.ts).
 * Ids are grouped by prefix: status., state., kind., key-kind., field., customer., key.,
 * activation., manual., device., contact., clock., hardware., document., ui.
 */
export const en = {
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
	'customer.invalid':
		'The customer form has {count} error(s): correct them, then save again.',
	'customer.saved': 'Customer saved: {company}.',
	'customer.missing':
		'Fill in the customer form (Company, Person, Address, Country, Email) and save it before adding keys.',

	// R3: keys
	'key.malformed':
		'Key "{key}" is malformed: a key is 25 symbols in five groups (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Check it against the key you received.',
	'key.bad-checksum':
		'Key "{key}" does not pass its check: a symbol was mistyped or two were swapped. Check it against the key you received.',
	'key.duplicate': 'Key "{key}" was typed more than once: it is added once.',
	'key.already-present':
		'Key "{key}" is already in the license table: it was not added again.',
	'key.added': 'Key {key} added, pending activation.',
	'key.added-count':
		'{count} key(s) added, pending activation. Click Activate to activate them.',
	'key.none':
		'No key entered: type one or more keys, separated by spaces, commas or new lines.',
	'key.expected-license':
		'Key "{key}" is an installation key, but a license key is expected here.',
	'key.expected-installation':
		'Key "{key}" is a license key, but an installation key is expected here.',

	// R4: Activate
	'activation.activated': 'Activated {count} license(s).',
	'activation.nothing':
		'Nothing to activate: add a key first, then click Activate.',
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

	// Dashboard and CLI labels
	'ui.home': 'Home',
	'ui.settings-license': 'Settings > License',
	'ui.license': 'License',
	'ui.licenses': 'Licenses',
	'ui.customer': 'Customer',
	'ui.events': 'Events',
	'ui.enter-license': 'Enter license',
	'ui.key-field': 'Enter installation key',
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
	'ui.renews-on': 'Renews automatically on {date}',
	'ui.never': 'Never',
	'ui.no-licenses': 'No license yet.',
	'ui.search-country': 'Type to search a country',
	'ui.no-country-found': 'No country matches "{query}".',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;
