/** Calls to the license server's app in process, as a client would send them (JSON bodies). */
import type {Vendor} from '../../source/license-server/index.js';

export type VendorReply<Body = Record<string, unknown>> = {
	status: number;
	/** The JSON body, or `{}` when the body is not JSON. */
	body: Body;
	text: string;
	headers: Headers;
};

/** One request to the vendor's app: a body that is not a string is sent as JSON. */
export async function callVendor<Body = Record<string, unknown>>(
	vendor: Pick<Vendor, 'app'>,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<VendorReply<Body>> {
	const response = await vendor.app.request(path, {
		method,
		headers: {'content-type': 'application/json', ...headers},
		...(body === undefined
			? {}
			: {body: typeof body === 'string' ? body : JSON.stringify(body)}),
	});
	const text = await response.text();
	let json = {} as Body;
	try {
		json = JSON.parse(text) as Body;
	} catch {}
	return {status: response.status, body: json, text, headers: response.headers};
}
