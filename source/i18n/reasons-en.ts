/**
 * The reasons a license-server call fails for, in English (en.ts spreads them into the catalog,
 * fr.ts says them in French): the client and the trust checker also say them in English for
 * logs and the stored record (english-reason.ts), and loading these alone keeps the two
 * catalogs (some 470 kB) out of `status` and every command that draws nothing (issue 16).
 */
import type {FailureReasonCode} from '../ports/index.js';

export const reasonsEn = {
	// The license-server client's reasons (adapters/http-license-server.ts), said inside en.ts's
	// outcome sentences as {reason}: clauses, no full stop. The URL, path, status and the system's
	// own error text ({cause}) are raw values.
	'outcome.client-unreachable':
		'The license server at {url} cannot be reached: {cause}',
	'outcome.client-timeout':
		'The license server at {url} did not answer {method} {path} within {seconds} s',
	'outcome.client-too-large':
		"The license server's answer to {method} {path} is larger than {limit}, the most this client reads: it was not read",
	'outcome.client-too-large-announced':
		"The license server's answer to {method} {path} is larger than {limit}, the most this client reads (it announced {size} bytes): it was not read",
	'outcome.client-header-too-large':
		"The license server's answer to {method} {path} is larger than {limit}, the most this client reads (its {header} header is {size} bytes): it was not read",
	'outcome.client-header-unsigned':
		"The license server's answer to {path} has a {header} header that is not a signed document (base64url text, a dot, base64url signature): {preview}",
	'outcome.client-not-json':
		"The license server's answer to {path} is not JSON: {preview}",
	'outcome.client-unexpected-shape':
		"The license server's answer to {path} has an unexpected shape ({issue})",
	'outcome.client-http':
		'The license server answered {path} with HTTP {status} ({detail})',
	'outcome.client-refusal-untrusted':
		"The license server's refusal ({code}) cannot be trusted: {reason}",
	'outcome.client-no-key':
		'no vendor public key is trusted, so no answer of the license server can be checked',
	'outcome.client-document-refused':
		"The license server's document was refused: {reason}",
	'outcome.client-bad-public-key':
		'The license server sent an unusable public key: {cause}',
	'outcome.client-empty-body': 'an empty body',
	'outcome.client-quoted': '"{text}"',
	'outcome.client-size-bytes': '{amount} bytes',
	'outcome.client-size-kib': '{amount} KiB',
	'outcome.client-size-mib': '{amount} MiB',
	// The trust checker's reasons (signing/trust.ts), said the same way.
	'outcome.trust-not-signed': 'not a signed document',
	'outcome.trust-missing-parts':
		'not a signed document (payload or signature missing)',
	'outcome.trust-malformed-signature': 'the signature is malformed',
	'outcome.trust-payload-not-json': 'the payload is not JSON',
	'outcome.trust-signature-mismatch':
		'the signature does not match the vendor key (altered, or signed by another key)',
	'outcome.trust-unreadable-document':
		'the signed document cannot be read: {problem}',
	'outcome.trust-other-installation':
		'the document is for another installation ({found}, not {expected})',
	'outcome.trust-other-hardware': 'the document is bound to other hardware',
	'outcome.trust-no-nonce':
		'the signed answer does not carry the nonce this contact sent (a replayed or stale document)',
	'outcome.trust-other-nonce':
		'the signed answer carries another nonce than the one this contact sent (a replayed or stale document)',
	'outcome.trust-refusal-unreadable': 'the signed refusal cannot be read',
	'outcome.trust-refusal-mismatch':
		'the signed refusal is for another installation or says another code ({code})',
	'outcome.shape-not-activation': 'it is not an activation document',
	'outcome.shape-missing-fields':
		'its installation, fingerprint or date is missing',
	'outcome.shape-no-licenses': 'it has no license list',
	'outcome.shape-bad-license':
		'its license {index} is not in the expected form',
	'outcome.shape-request-id': 'its request id is not text',
	'outcome.shape-nonce': 'its nonce is not text',
} as const satisfies Record<`outcome.${FailureReasonCode}`, string>;
