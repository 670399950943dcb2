/**
 * What every node's requests must never do, checked for all five vendors and their auth
 * styles (Bearer token, x-api-key, x-api-key + client_id in the query, x-api-token +
 * team_id) through n8n-core's engine against the sandbox:
 *  - follow a redirect: a second loopback server on another port stands where a 3xx points
 *    and must receive nothing, neither the credential nor a re-posted contact;
 *  - report a contact as created from a 2xx that is not the vendor's documented answer (a
 *    maintenance page, an empty body, JSON without the contact), or send anything after it;
 *  - show a secret: over every error path the sandbox can produce, no 6-character run of
 *    any credential value (raw, URL-encoded, JSON-escaped or in Basic form) appears in any
 *    message, description or output item.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { Fault } from '../sandbox/server';
import { notTheAnswer } from '../sandbox/server';
import { CONTACTSHIP_API_KEY } from '../sandbox/vendors/contactship';
import { REVYOPS_CLIENT } from '../sandbox/vendors/revyOps';
import { SALESCAPTAIN_TOKEN, SC_COMPANIES } from '../sandbox/vendors/salesCaptain';
import { THOUGHTLY_TEAM_ID, THOUGHTLY_TOKEN } from '../sandbox/vendors/thoughtly';
import { WIPSY_API_KEY } from '../sandbox/vendors/wipsy';

const sandbox = createSandbox();
/** Another origin (same host, another port): where the redirects point. */
const elsewhere = createSandbox();
beforeAll(async () => {
	await sandbox.start();
	await elsewhere.start();
});
afterAll(async () => {
	await sandbox.close();
	await elsewhere.close();
});
beforeEach(() => {
	sandbox.reset();
	elsewhere.reset();
});

interface VendorCase {
	displayName: string;
	type: string;
	sandboxVendor: string;
	credentialType: string;
	/** The sandbox's valid credential values (Base URL added by the test). */
	credential: ICredentialDataDecryptedObject;
	/** The same credential fields, filled with values full of characters that change when encoded. */
	oddCredential: ICredentialDataDecryptedObject;
	createPath: string;
	createParameters: INodeParameters;
	/** A 2xx body shaped like the vendor's answers but without the created contact. */
	answerWithoutContact: object;
	dropdown: { method: string; path: string };
}

/** A value that reads differently raw, URL-encoded and JSON-escaped. */
const odd = (prefix: string) => `${prefix}/Zq9+ "Kp"&=%7:x#Lm\\4Nw`;

const vendors: VendorCase[] = [
	{
		displayName: 'SalesCaptain',
		type: 'salesCaptain',
		sandboxVendor: 'salescaptain',
		credentialType: 'salesCaptainApi',
		credential: { accessToken: SALESCAPTAIN_TOKEN },
		oddCredential: { accessToken: odd('eyJhbGciOiJIUzI1NiJ9.sc') },
		createPath: '/v1/create-contact',
		answerWithoutContact: { message: 'Contact created successfully!' },
		createParameters: {
			company: SC_COMPANIES[0].company_id,
			fullName: 'Ann Lee',
			phone: '+14155550101',
		},
		dropdown: { method: 'getCompanies', path: '/v1/fetch-companies' },
	},
	{
		displayName: 'Contactship',
		type: 'contactship',
		sandboxVendor: 'contactship',
		credentialType: 'contactshipApi',
		credential: { apiKey: CONTACTSHIP_API_KEY },
		oddCredential: { apiKey: odd('cs-live') },
		createPath: '/v1/contacts',
		answerWithoutContact: { message: 'Contact created' },
		createParameters: { phone: '+14155550102', fullName: 'Ann Lee' },
		dropdown: { method: 'getTags', path: '/v1/tags' },
	},
	{
		displayName: 'RevyOps',
		type: 'revyOps',
		sandboxVendor: 'revyops',
		credentialType: 'revyOpsApi',
		credential: { apiKey: REVYOPS_CLIENT.apiKey, clientId: REVYOPS_CLIENT.clientId },
		oddCredential: { apiKey: odd('rvo-key'), clientId: odd('rvo-client') },
		createPath: '/public/v2/contacts',
		answerWithoutContact: {},
		createParameters: { resource: 'contact', operation: 'create', email: 'ann@example.com' },
		dropdown: { method: 'getCustomFieldNames', path: '/public/v2/contacts' },
	},
	{
		displayName: 'Wipsy',
		type: 'wipsy',
		sandboxVendor: 'wipsy',
		credentialType: 'wipsyApi',
		credential: { apiKey: WIPSY_API_KEY },
		oddCredential: { apiKey: odd('wipsy-live') },
		createPath: '/api-create-contact',
		answerWithoutContact: { success: true, message: 'Contact created successfully' },
		createParameters: { firstName: 'Ann', phone: '+14155550104' },
		dropdown: { method: 'getTags', path: '/api-get-contacts' },
	},
	{
		displayName: 'Thoughtly',
		type: 'thoughtly',
		sandboxVendor: 'thoughtly',
		credentialType: 'thoughtlyApi',
		credential: { apiToken: THOUGHTLY_TOKEN, teamId: THOUGHTLY_TEAM_ID },
		oddCredential: { apiToken: odd('th-live'), teamId: odd('team') },
		createPath: '/contact/create',
		answerWithoutContact: { data: null, error: null },
		createParameters: { phone: '+14155550105', fullName: 'Ann Lee' },
		dropdown: { method: 'getTags', path: '/contact' },
	},
];

const cases = vendors.map((vendor) => [vendor.displayName, vendor] as const);

function credentials(
	vendor: VendorCase,
	values: ICredentialDataDecryptedObject,
	baseUrl = sandbox.baseUrl(vendor.sandboxVendor),
) {
	return { [vendor.credentialType]: { ...values, baseUrl } };
}

async function dropdownFailure(
	vendor: VendorCase,
	values: ICredentialDataDecryptedObject,
	baseUrl?: string,
): Promise<Error & { description?: string }> {
	try {
		await loadOptions({
			type: vendor.type,
			method: vendor.dropdown.method,
			credentials: credentials(vendor, values, baseUrl),
		});
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error(`${vendor.dropdown.method} did not fail`);
}

describe.each(cases)('%s: a 2xx that is not the documented answer', (_name, vendor) => {
	const answers: Array<[string, Fault, RegExp]> = [
		[
			'an HTML maintenance page',
			notTheAnswer.html,
			/an HTML page: "Down for maintenance.*We will be back soon\."/,
		],
		['an empty body', notTheAnswer.empty, /an empty body/],
		[
			'JSON without the contact',
			{
				status: vendor.createPath === '/contact/create' ? 200 : 201,
				body: vendor.answerWithoutContact,
			},
			/JSON: .*/,
		],
	];

	test.each(answers)(
		'create answered by %s: the item fails, never "created", and nothing more is sent',
		async (_case, fault, what) => {
			sandbox.addFault({
				vendor: vendor.sandboxVendor,
				method: 'POST',
				path: vendor.createPath,
				...fault,
			});
			const run = await runNode({
				type: vendor.type,
				parameters: vendor.createParameters,
				items: [{}],
				credentials: credentials(vendor, vendor.credential),
				continueOnFail: true,
			});
			const message = expect.stringMatching(
				new RegExp(
					`^${vendor.displayName} answered ${fault.status} but not with a contact \\(${what.source}\\) \\[item 0\\]$`,
				),
			);
			expect(run.items).toEqual([
				{
					json: {
						message,
						error: {
							message,
							httpCode: String(fault.status),
							description: expect.stringMatching(
								new RegExp(`not sent again.*check in ${vendor.displayName}`),
							),
						},
					},
					pairedItem: { item: 0 },
				},
			]);
			// The create once, and nothing after it (no tag call, no look-up) for a contact that may not exist.
			expect(
				sandbox
					.requests(vendor.sandboxVendor)
					.map((request) => `${request.method} ${request.path}`),
			).toEqual([`POST ${vendor.createPath}`]);
		},
	);
});

describe.each(cases)('%s: redirects are not followed', (_name, vendor) => {
	const target = (path: string) => `${elsewhere.baseUrl(vendor.sandboxVendor)}${path}`;

	test('a 307 on the create: the contact is not re-posted elsewhere, the item fails naming where it was sent', async () => {
		sandbox.addFault({
			vendor: vendor.sandboxVendor,
			method: 'POST',
			path: vendor.createPath,
			status: 307,
			headers: { Location: target(vendor.createPath) },
		});
		const run = await runNode({
			type: vendor.type,
			parameters: vendor.createParameters,
			items: [{}],
			credentials: credentials(vendor, vendor.credential),
		});
		expect(run.error?.message).toBe(
			`${vendor.displayName} answered 307, a redirect to ${target(vendor.createPath)}, which the node does not follow [item 0]`,
		);
		expect(run.error?.description).toContain(
			`Check the Base URL in the credential (${sandbox.baseUrl(vendor.sandboxVendor)})`,
		);
		expect(elsewhere.requests()).toEqual([]);
		expect(
			sandbox.requests(vendor.sandboxVendor).filter((request) => request.method === 'POST'),
		).toHaveLength(1);
	});

	test('a 302 on a dropdown: the credential does not reach the other port, the dropdown says why it failed', async () => {
		sandbox.addFault({
			vendor: vendor.sandboxVendor,
			method: 'GET',
			path: vendor.dropdown.path,
			status: 302,
			headers: { Location: target('/steal') },
		});
		const error = await dropdownFailure(vendor, vendor.credential);
		expect(error.message).toBe(
			`${vendor.displayName} answered 302, a redirect to ${target('/steal')}, which the node does not follow`,
		);
		// Not a NodeApiError: n8n's editor would print that one as "[object Object]".
		expect(error.name).toBe('NodeOperationError');
		expect(elsewhere.requests()).toEqual([]);
	});

	test('a 302 on the credential test: the key does not reach the other port', async () => {
		sandbox.addFault({
			vendor: vendor.sandboxVendor,
			status: 302,
			headers: { Location: target('/steal') },
		});
		const response = await testCredential(
			vendor.credentialType,
			credentials(vendor, vendor.credential)[vendor.credentialType],
		);
		expect(response.statusCode).toBe(302);
		expect(elsewhere.requests()).toEqual([]);
	});
});

/** Every run of LEAK characters of every form a secret is sent or echoed in. */
const LEAK = 6;
function leakedRuns(text: string, secrets: string[]): string[] {
	const forms = secrets.flatMap((secret) => [
		secret,
		encodeURIComponent(secret),
		JSON.stringify(secret).slice(1, -1),
	]);
	const runs = new Set<string>();
	for (const form of forms)
		for (let start = 0; start + LEAK <= form.length; start++)
			runs.add(form.slice(start, start + LEAK));
	return [...runs].filter((run) => text.includes(run));
}

/** Faults that put the credential's values into an answer, each with words of the vendor's that must remain. */
function leakingFaults(secrets: string[]): Array<{ name: string; fault: Fault; words?: string }> {
	const all = secrets.join(' and ');
	return [
		{
			name: 'echoed raw in a 401',
			fault: { status: 401, body: { error: `Invalid credentials: ${all}` } },
			words: 'Invalid credentials: ***',
		},
		{
			name: 'URL-encoded in a 400',
			fault: {
				status: 400,
				body: {
					error: `Bad request to /x?${secrets.map((secret) => `key=${encodeURIComponent(secret)}`).join('&')}`,
				},
			},
			words: 'Bad request to /x?key=***',
		},
		{
			name: 'JSON-escaped in a 400',
			fault: { status: 400, body: { error: `Received ${JSON.stringify({ keys: secrets })}` } },
			words: 'Received {"keys":["***',
		},
		{
			name: 'across the 300-character cut, in a 500 text body',
			fault: { status: 500, rawBody: `${'x'.repeat(290)} ${all}` },
		},
		{
			name: 'across the 300-character cut, in a 500 JSON body',
			fault: { status: 500, body: { error: `${'x'.repeat(290)} ${all}` } },
		},
		{
			name: 'in a long HTML page, in a 502',
			fault: {
				status: 502,
				rawBody: `<html><body><h1>Bad gateway</h1><p>upstream key ${all}</p>${'<p>filler text</p>'.repeat(5_000)}</body></html>`,
			},
			words: 'Bad gateway upstream key ***',
		},
		{
			name: 'in a redirect target',
			fault: {
				status: 302,
				headers: {
					Location: `http://127.0.0.1:9/${encodeURIComponent(secrets[0])}?key=${encodeURIComponent(secrets[0])}`,
				},
			},
			words: 'a redirect to http://127.0.0.1:9/***',
		},
		{ name: 'a connection reset', fault: { drop: true } },
	];
}

describe.each(cases)('%s: no part of a secret in any message', (_name, vendor) => {
	const secrets = Object.values(vendor.oddCredential) as string[];

	async function everyText(
		values: ICredentialDataDecryptedObject,
		baseUrl?: string,
	): Promise<string[]> {
		const run = await runNode({
			type: vendor.type,
			parameters: vendor.createParameters,
			items: [{}],
			credentials: credentials(vendor, values, baseUrl),
			continueOnFail: true,
		});
		const stopped = await runNode({
			type: vendor.type,
			parameters: vendor.createParameters,
			items: [{}],
			credentials: credentials(vendor, values, baseUrl),
		});
		const dropdown = await dropdownFailure(vendor, values, baseUrl);
		return [
			JSON.stringify(run),
			JSON.stringify(stopped),
			dropdown.message,
			String(dropdown.description),
			JSON.stringify(dropdown),
		];
	}

	test.each(leakingFaults(secrets).map((entry) => [entry.name, entry] as const))(
		'%s',
		async (_fault, { fault, words }) => {
			sandbox.addFault({ ...fault, vendor: vendor.sandboxVendor, times: 100 });
			const texts = await everyText(vendor.oddCredential);
			expect(texts.map((text) => leakedRuns(text, secrets))).toEqual(texts.map(() => []));
			// The vendor's own words are still there: masking hides the secret, not the message.
			if (words) expect(texts[0]).toContain(JSON.stringify(words).slice(1, -1));
		},
	);

	test('a user and password in the Base URL, echoed raw and as Basic authorization', async () => {
		const user = 'ops-admin';
		const password = 'Pa55/word:with@signs';
		const base64 = Buffer.from(`${user}:${password}`).toString('base64');
		const address = new URL(sandbox.baseUrl(vendor.sandboxVendor));
		const baseUrl = `http://${user}:${encodeURIComponent(password)}@${address.host}${address.pathname}`;
		sandbox.addFault({
			vendor: vendor.sandboxVendor,
			status: 401,
			body: { error: `Rejected Authorization: Basic ${base64} for ${user}:${password}` },
			times: 100,
		});
		const texts = await everyText(vendor.credential, baseUrl);
		const allSecrets = [...(Object.values(vendor.credential) as string[]), user, password, base64];
		expect(texts.map((text) => leakedRuns(text, allSecrets))).toEqual(texts.map(() => []));
		expect(texts[0]).toContain('Rejected Authorization: Basic ***');
	});
});
