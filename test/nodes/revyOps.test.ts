/**
 * The RevyOps node run by n8n-core's engine against the sandbox's RevyOps: what RevyOps
 * receives, what the user gets back, and how each documented failure reads.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { listSearch, loadOptions, runNode, testCredential } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import type { SandboxRequest } from '../sandbox/server';
import { notTheAnswer } from '../sandbox/server';
import type { RevyOpsState } from '../sandbox/vendors/revyOps';
import {
	REVYOPS_CLIENT,
	RO_EXISTING_CONTACT,
	RO_FIELD_NAME_LATER_PAGE,
	RO_FIELD_NAMES_FIRST_PAGE,
	RO_FOREIGN_COMPANY,
	RO_GENERATED_COMPANIES,
	RO_COMPANIES,
} from '../sandbox/vendors/revyOps';

const sandbox = createSandbox();
const VENDOR = 'revyops';
const CONTACTS = '/public/v2/contacts';

let baseUrl: string;

beforeAll(async () => {
	await sandbox.start(0);
	baseUrl = sandbox.baseUrl(VENDOR);
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

/** Credential forms: the key alone (the default), the client ID alone (the vendor reference), or both. */
function credentials(values: ICredentialDataDecryptedObject = { apiKey: REVYOPS_CLIENT.apiKey }) {
	return { revyOpsApi: { baseUrl, ...values } };
}

const company = (mode: string, value: string) => ({ __rl: true, mode, value });

async function run(
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {},
) {
	return await runNode({
		type: 'revyOps',
		parameters: { resource: 'contact', operation: 'create', ...parameters },
		items,
		credentials: credentials(options.credentials),
		continueOnFail: options.continueOnFail,
	});
}

function requests(method?: string, path?: string): SandboxRequest[] {
	return sandbox
		.requests(VENDOR)
		.filter(
			(request) => (!method || request.method === method) && (!path || request.path === path),
		);
}

const creates = () => requests('POST', CONTACTS);
const state = () => sandbox.state<RevyOpsState>(VENDOR);

describe('create', () => {
	test('sends every field, with the company picked from the list, and outputs the created contact', async () => {
		const result = await run(
			{
				company: company('list', '1002'),
				email: '={{ $json.email }}',
				linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
				firstName: 'Jane',
				lastName: 'Doe',
				customFields: {
					field: [
						{ key: 'Industry', value: 'Dentistry' },
						{ key: '={{ "Lead " + "Source" }}', value: 'Webinar' },
					],
				},
				additionalFields: { contactStatus: 'Active', origin: 'n8n import' },
			},
			[{ email: ' jane@bluebird-dental.com ' }],
		);

		expect(result.error).toBeUndefined();
		const [request] = requests();
		expect(requests()).toHaveLength(1);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(CONTACTS);
		expect(request.query).toEqual({ structure: 'NESTED' });
		expect(request.headers['x-api-key']).toBe(REVYOPS_CLIENT.apiKey);
		expect(request.body).toEqual({
			email: 'jane@bluebird-dental.com',
			linkedin_url: 'https://www.linkedin.com/in/jane-doe',
			first_name: 'Jane',
			last_name: 'Doe',
			company_id: 1002,
			contact_status: 'Active',
			origin: 'n8n import',
			contact_custom_fields_input: [
				{ field_name: 'Industry', field_value: 'Dentistry' },
				{ field_name: 'Lead Source', field_value: 'Webinar' },
			],
		});

		expect(result.items).toHaveLength(1);
		const [item] = result.items!;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			id: expect.any(Number),
			email: 'jane@bluebird-dental.com',
			company_id: 1002,
			contact_status: 'Active',
			origin: 'n8n import',
			outcome: 'created',
			contact_custom_fields: [
				{
					id: expect.any(Number),
					field_name: 'Industry',
					field_value: 'Dentistry',
					updated_time: expect.any(String),
				},
				{
					id: expect.any(Number),
					field_name: 'Lead Source',
					field_value: 'Webinar',
					updated_time: expect.any(String),
				},
			],
		});
	});

	test('a company given by ID is sent as an integer', async () => {
		const result = await run({
			company: company('id', ' 1003 '),
			email: 'owner@copperkettle.cafe',
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ email: 'owner@copperkettle.cafe', company_id: 1003 });
		expect(result.items![0].json.company_id).toBe(1003);
	});

	test('a company given by domain (a pasted address is reduced to the domain) is resolved by RevyOps', async () => {
		const result = await run({
			company: company('domain', 'https://www.Acme-Outdoor.com/about'),
			email: 'new.hire@acme-outdoor.com',
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({
			email: 'new.hire@acme-outdoor.com',
			company_id: 'acme-outdoor.com',
		});
		expect(result.items![0].json.company_id).toBe(1001);
	});

	test('no company: no company_id, and empty optional fields stay out of the body', async () => {
		const result = await run({
			email: 'solo@example.org',
			firstName: '  ',
			linkedinUrl: '',
			customFields: { field: [{ key: 'Industry', value: '' }] },
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ email: 'solo@example.org' });
		expect(result.items![0].json).toMatchObject({ company_id: null, outcome: 'created' });
	});

	test('a LinkedIn URL alone is enough', async () => {
		const result = await run({ linkedinUrl: 'https://www.linkedin.com/in/sam-lee/' });
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ linkedin_url: 'https://www.linkedin.com/in/sam-lee/' });
	});

	test('a contact status not in the list can be given by expression', async () => {
		const result = await run(
			{ email: 'warm@example.org', additionalFields: { contactStatus: '={{ $json.status }}' } },
			[{ status: 'Nurture' }],
		);
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ email: 'warm@example.org', contact_status: 'Nurture' });
		expect(result.items![0].json.contact_status).toBe('Nurture');
	});

	test('Response Structure "Flat" asks for and outputs custom fields as one object', async () => {
		const result = await run({
			email: 'flat@example.org',
			customFields: { field: [{ key: 'Industry', value: 'Retail' }] },
			options: { responseStructure: 'FLAT' },
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].query).toEqual({ structure: 'FLAT' });
		expect(result.items![0].json.contact_custom_fields).toEqual({ Industry: 'Retail' });
	});
});

describe('authentication', () => {
	test('Client ID alone (the vendor reference): client_id in the query, no x-api-key header', async () => {
		const result = await run({ email: 'by-client@example.org' }, [{}], {
			credentials: { clientId: REVYOPS_CLIENT.clientId },
		});
		expect(result.error).toBeUndefined();
		const [request] = creates();
		expect(request.query).toEqual({ structure: 'NESTED', client_id: REVYOPS_CLIENT.clientId });
		expect(request.headers['x-api-key']).toBeUndefined();
	});

	test('API key and Client ID: both are sent', async () => {
		const result = await run({ email: 'both@example.org' }, [{}], {
			credentials: { apiKey: REVYOPS_CLIENT.apiKey, clientId: REVYOPS_CLIENT.clientId },
		});
		expect(result.error).toBeUndefined();
		const [request] = creates();
		expect(request.query.client_id).toBe(REVYOPS_CLIENT.clientId);
		expect(request.headers['x-api-key']).toBe(REVYOPS_CLIENT.apiKey);
	});

	test('API key alone: no client_id parameter at all', async () => {
		await run({ email: 'key-only@example.org' });
		expect(Object.keys(creates()[0].query)).toEqual(['structure']);
	});

	test('a trailing slash on the Base URL is ignored', async () => {
		const result = await run({ email: 'slash@example.org' }, [{}], {
			credentials: { apiKey: REVYOPS_CLIENT.apiKey, baseUrl: `${baseUrl}/` },
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].path).toBe(CONTACTS);
	});
});

describe('input checks before any request', () => {
	test.each([
		[
			'neither email nor LinkedIn URL',
			{ firstName: 'Nobody' },
			'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them [item 0]',
		],
		[
			'a malformed email',
			{ email: 'jane.example.com' },
			'Email "jane.example.com" is not a valid email address [item 0]',
		],
		[
			'a malformed LinkedIn URL',
			{ linkedinUrl: 'linkedin.com/in/jane' },
			'LinkedIn URL "linkedin.com/in/jane" is not a valid URL [item 0]',
		],
		[
			'a company ID (from an expression) that is not a number',
			{ email: 'a@example.org', company: company('id', '={{ "acme" }}') },
			'Company ID "acme" is not a RevyOps company ID: a whole number such as 1042 is expected [item 0]',
		],
		[
			'a company domain that is not a domain',
			{ email: 'a@example.org', company: company('domain', 'not a domain') },
			'Company domain "not a domain" is not a domain [item 0]',
		],
		[
			'a custom field value over 2,500 characters',
			{
				email: 'a@example.org',
				customFields: { field: [{ key: 'Notes', value: 'x'.repeat(2501) }] },
			},
			'Custom field "Notes" has 2501 characters; RevyOps accepts at most 2500 [item 0]',
		],
		[
			'the same custom field twice',
			{
				email: 'a@example.org',
				customFields: {
					field: [
						{ key: 'Industry', value: 'A' },
						{ key: 'industry', value: 'B' },
					],
				},
			},
			'Custom field "industry" is given twice; keep one value per field [item 0]',
		],
		[
			'a custom field named __proto__',
			{ email: 'a@example.org', customFields: { field: [{ key: '__proto__', value: 'x' }] } },
			'Custom field "__proto__" is a name JavaScript reserves, so it cannot be used as a key [item 0]',
		],
		[
			'an object where text belongs',
			{ email: 'a@example.org', firstName: '={{ { "first": "Jane" } }}' },
			'First Name must be text, but the expression gave an object [item 0]',
		],
		[
			'a list where text belongs',
			{ email: 'a@example.org', lastName: '={{ ["Doe", "Smith"] }}' },
			'Last Name must be text, but the expression gave a list [item 0]',
		],
		[
			'a custom field value without a name',
			{ email: 'a@example.org', customFields: { field: [{ key: '', value: 'orphan' }] } },
			'Custom field 1 has the value "orphan" but no field [item 0]',
		],
	])('%s', async (_case, parameters, message) => {
		const result = await run(parameters as INodeParameters);
		expect(result.error?.message).toBe(message);
		expect(requests()).toHaveLength(0);
	});

	test('n8n itself flags a typed company ID that is not a number', async () => {
		await expect(run({ email: 'a@example.org', company: company('id', 'acme') })).rejects.toThrow(
			'A RevyOps company ID is a whole number',
		);
		expect(requests()).toHaveLength(0);
	});

	test('a value of exactly 2,500 characters (emoji count as one) is sent', async () => {
		const value = '😀'.repeat(2500);
		const result = await run({
			email: 'long@example.org',
			customFields: { field: [{ key: 'Notes', value }] },
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toMatchObject({
			contact_custom_fields_input: [{ field_name: 'Notes', field_value: value }],
		});
	});
});

describe('vendor errors', () => {
	test('400: the field RevyOps rejects, in its words', async () => {
		// Passes the node's email check; Django wants a top-level domain of two or more letters.
		const result = await run({ email: 'jane@example.c' });
		expect(result.error?.message).toBe(
			'RevyOps answered 400: email: Enter a valid email address. [item 0]',
		);
		expect(result.error?.httpCode).toBe('400');
	});

	test('400 with {detail}', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 400,
			body: { detail: 'Invalid contact_status.' },
		});
		const result = await run({ email: 'a@example.org' });
		expect(result.error?.message).toBe('RevyOps answered 400: Invalid contact_status. [item 0]');
	});

	test('401: the company belongs to another client, and the message says which', async () => {
		const result = await run({
			email: 'a@example.org',
			company: company('id', String(RO_FOREIGN_COMPANY.id)),
		});
		expect(result.error?.message).toBe(
			`RevyOps answered 401: Company does not belong to this client. (company ID ${RO_FOREIGN_COMPANY.id}) [item 0]`,
		);
		expect(result.error?.description).toMatch(/another RevyOps client \(workspace\)/);
		expect(result.error?.httpCode).toBe('401');
	});

	test('403: a bad API key, never echoed', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			status: 403,
			body: { detail: 'Invalid API key: wrong-key-123456.' },
		});
		const result = await run({ email: 'a@example.org' }, [{}], {
			credentials: { apiKey: 'wrong-key-123456' },
		});
		expect(result.error?.message).toBe('RevyOps answered 403: Invalid API key: ***. [item 0]');
		expect(result.error?.description).toMatch(/Check the API key/);
		expect(JSON.stringify(result.error)).not.toContain('wrong-key-123456');
	});

	test('403 from RevyOps itself for an unknown key', async () => {
		const result = await run({ email: 'a@example.org' }, [{}], {
			credentials: { apiKey: 'rvo-key-unknown' },
		});
		expect(result.error?.message).toBe('RevyOps answered 403: Invalid API key. [item 0]');
		expect(result.error?.httpCode).toBe('403');
	});

	test('404: an unknown company ID, named in the message', async () => {
		const result = await run({ email: 'a@example.org', company: company('id', '999999') });
		expect(result.error?.message).toBe(
			'RevyOps answered 404: Company not found. (company ID 999999) [item 0]',
		);
		expect(result.error?.description).toMatch(/no company with ID 999999/);
	});

	test('404: a domain RevyOps cannot resolve, named in the message', async () => {
		const result = await run({
			email: 'a@example.org',
			company: company('domain', 'nowhere.example'),
		});
		expect(result.error?.message).toBe(
			'RevyOps answered 404: Company not found. (company domain nowhere.example) [item 0]',
		);
		expect(result.error?.description).toMatch(/could not resolve the domain nowhere\.example/);
	});

	test('409 with "If Contact Exists" = Fail (the default)', async () => {
		const result = await run({ email: RO_EXISTING_CONTACT.email.toUpperCase() });
		expect(result.error?.message).toBe(
			'RevyOps answered 409: Contact with this email already exists. [item 0]',
		);
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.description).toMatch(/Return Existing/);
		expect(requests()).toHaveLength(1);
	});

	test('500: reported once, never sent again', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 500,
			body: { detail: 'A server error occurred.' },
		});
		const result = await run({ email: 'a@example.org' });
		expect(result.error?.message).toBe('RevyOps answered 500: A server error occurred. [item 0]');
		expect(result.error?.description).toMatch(/was not sent again/);
		expect(creates()).toHaveLength(1);
	});

	test('a dropped connection: reported, never sent again', async () => {
		sandbox.addFault({ vendor: VENDOR, method: 'POST', path: CONTACTS, drop: true });
		const result = await run({ email: 'a@example.org' });
		expect(result.error?.message).toBe('RevyOps closed the connection before answering [item 0]');
		expect(result.error?.description).toMatch(
			/may have been stored by RevyOps\. It was not sent again/,
		);
		expect(creates()).toHaveLength(1);
		expect(state().contacts.some((contact) => contact.email === 'a@example.org')).toBe(false);
	});

	test('429 then success: waits as told and sends again', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 429,
			body: { detail: 'Request was throttled. Expected available in 0 seconds.' },
			headers: { 'Retry-After': '0' },
		});
		const result = await run({ email: 'patient@example.org' });
		expect(result.error).toBeUndefined();
		expect(result.items![0].json).toMatchObject({
			email: 'patient@example.org',
			outcome: 'created',
		});
		expect(creates()).toHaveLength(2);
	});

	test('429 exhausted: gives up with a clear message', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 429,
			body: { detail: 'Request was throttled.' },
			headers: { 'Retry-After': '0' },
			times: 10,
		});
		const result = await run({ email: 'patient@example.org', options: { maxRateLimitWait: 1 } });
		const said =
			/^RevyOps is rate limiting: this item waited [\d.]+ s and met (\d+) × 429; a further pause of [\d.]+ s would pass its wait budget of 1 s/.exec(
				result.error?.message ?? '',
			);
		expect(said).not.toBeNull();
		expect(result.error?.httpCode).toBe('429');
		expect(creates()).toHaveLength(Number(said![1]));
	});
});

describe('If Contact Exists = Return Existing', () => {
	const returnExisting = { options: { ifContactExists: 'returnExisting' } };

	test('a duplicate email: looks the contact up by email and outputs it as existing', async () => {
		const result = await run({
			...returnExisting,
			email: RO_EXISTING_CONTACT.email,
			firstName: 'Someone',
		});
		expect(result.error).toBeUndefined();
		const lookups = requests('GET', CONTACTS);
		expect(lookups).toHaveLength(1);
		expect(lookups[0].query).toEqual({
			email: RO_EXISTING_CONTACT.email,
			structure: 'NESTED',
			page_size: '100',
		});
		expect(lookups[0].headers['x-api-key']).toBe(REVYOPS_CLIENT.apiKey);
		expect(result.items![0].json).toMatchObject({
			id: RO_EXISTING_CONTACT.id,
			email: RO_EXISTING_CONTACT.email,
			outcome: 'existing',
		});
		expect(creates()).toHaveLength(1);
	});

	test('the lookup uses the chosen Response Structure', async () => {
		const result = await run({
			email: RO_EXISTING_CONTACT.email,
			options: { ifContactExists: 'returnExisting', responseStructure: 'FLAT' },
		});
		expect(requests('GET', CONTACTS)[0].query.structure).toBe('FLAT');
		expect(result.items![0].json.contact_custom_fields).toEqual({
			Industry: 'Outdoor gear',
			'Lead Source': 'Trade show',
		});
	});

	test('a duplicate LinkedIn URL with names: searches by name and matches the profile', async () => {
		const result = await run({
			...returnExisting,
			linkedinUrl: RO_EXISTING_CONTACT.linkedin_url,
			firstName: RO_EXISTING_CONTACT.first_name,
			lastName: RO_EXISTING_CONTACT.last_name,
		});
		expect(result.error).toBeUndefined();
		expect(requests('GET', CONTACTS).map((request) => request.query)).toEqual([
			{ firstname: 'Dana', lastname: 'Reyes', structure: 'NESTED', page: '1', page_size: '100' },
		]);
		expect(result.items![0].json).toMatchObject({
			id: RO_EXISTING_CONTACT.id,
			linkedin_url: RO_EXISTING_CONTACT.linkedin_url,
			outcome: 'existing',
		});
	});

	test('the profile matches whatever form of the LinkedIn address RevyOps stored', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 409,
			body: { detail: 'Contact with this LinkedIn URL already exists.' },
		});
		const result = await run({
			...returnExisting,
			linkedinUrl: 'http://linkedin.com/in/Dana-Reyes/?trk=feed',
			lastName: 'Reyes',
		});
		expect(result.error).toBeUndefined();
		expect(result.items![0].json).toMatchObject({
			id: RO_EXISTING_CONTACT.id,
			outcome: 'existing',
		});
	});

	test('a duplicate LinkedIn URL and a new email: email finds nothing, then the name search finds the profile', async () => {
		const result = await run({
			...returnExisting,
			email: 'dana.private@example.org',
			linkedinUrl: RO_EXISTING_CONTACT.linkedin_url,
			firstName: RO_EXISTING_CONTACT.first_name,
			lastName: RO_EXISTING_CONTACT.last_name,
		});
		expect(result.error).toBeUndefined();
		const lookups = requests('GET', CONTACTS);
		expect(lookups.map((request) => request.query)).toEqual([
			{ email: 'dana.private@example.org', structure: 'NESTED', page_size: '100' },
			{ firstname: 'Dana', lastname: 'Reyes', structure: 'NESTED', page: '1', page_size: '100' },
		]);
		expect(result.items![0].json).toMatchObject({
			id: RO_EXISTING_CONTACT.id,
			outcome: 'existing',
		});
	});

	test('a duplicate LinkedIn URL and no name or email: says RevyOps offers no LinkedIn search', async () => {
		const result = await run({ ...returnExisting, linkedinUrl: RO_EXISTING_CONTACT.linkedin_url });
		expect(result.error?.message).toBe(
			`RevyOps says a contact with LinkedIn URL ${RO_EXISTING_CONTACT.linkedin_url} already exists, but its API offers no search by LinkedIn URL, so the existing contact cannot be returned [item 0]`,
		);
		expect(result.error?.httpCode).toBe('409');
		expect(requests('GET')).toHaveLength(0);
	});

	test('the lookup finds nothing: the 409 is reported, not hidden', async () => {
		sandbox.addFault({
			vendor: VENDOR,
			method: 'POST',
			path: CONTACTS,
			status: 409,
			body: { detail: 'Contact with this email already exists.' },
		});
		const result = await run({ ...returnExisting, email: 'ghost@example.org' });
		expect(result.error?.message).toBe(
			'RevyOps answered 409: Contact with this email already exists.; but no existing contact matching ghost@example.org was found to return [item 0]',
		);
		expect(creates()).toHaveLength(1);
	});

	test('other errors are not swallowed by Return Existing', async () => {
		const result = await run({
			...returnExisting,
			email: 'a@example.org',
			company: company('id', '999999'),
		});
		expect(result.error?.message).toBe(
			'RevyOps answered 404: Company not found. (company ID 999999) [item 0]',
		);
		expect(requests('GET')).toHaveLength(0);
	});
});

describe('many items', () => {
	test('continueOnFail: one output per input, in order, errors in place', async () => {
		const result = await run(
			{ email: '={{ $json.email }}' },
			[
				{ email: 'first@example.org' },
				{ email: 'broken' },
				{ email: RO_EXISTING_CONTACT.email },
				{ email: 'last@example.org' },
			],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const items = result.items!;
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toMatchObject({ email: 'first@example.org', outcome: 'created' });
		expect(items[1].json).toMatchObject({
			message: 'Email "broken" is not a valid email address [item 1]',
		});
		expect(items[2].json).toMatchObject({
			message: 'RevyOps answered 409: Contact with this email already exists. [item 2]',
			error: {
				message: 'RevyOps answered 409: Contact with this email already exists. [item 2]',
				httpCode: '409',
			},
		});
		expect(items[3].json).toMatchObject({ email: 'last@example.org', outcome: 'created' });
		expect(creates()).toHaveLength(3);
	});

	test('without continueOnFail the first failing item stops the node and is named', async () => {
		const result = await run({ email: '={{ $json.email }}' }, [
			{ email: 'ok@example.org' },
			{ email: RO_EXISTING_CONTACT.email },
		]);
		expect(result.error?.message).toBe(
			'RevyOps answered 409: Contact with this email already exists. [item 1]',
		);
	});

	test('paced by default to 10 requests a second, at most 5 at a time', async () => {
		sandbox.setLatency(30);
		const items = Array.from({ length: 14 }, (_, n) => ({ email: `bulk${n}@example.org` }));
		const result = await run({ email: '={{ $json.email }}' }, items);
		expect(result.error).toBeUndefined();
		expect(result.items!.map((item) => item.json.email)).toEqual(items.map((item) => item.email));
		const starts = creates().map((request) => request.at);
		expect(starts).toHaveLength(14);
		for (let n = 10; n < starts.length; n++) {
			// Any 11 consecutive starts are a second apart. Measured on arrival, so the first
			// requests' connection set-up can shave a little off; unpaced, all 14 land within ~100 ms.
			expect(starts[n] - starts[n - 10]).toBeGreaterThanOrEqual(900);
		}
		expect(sandbox.stats.peakInFlight).toBeLessThanOrEqual(5);
	});

	test('Max Requests = 0 removes the fixed pace', async () => {
		const items = Array.from({ length: 12 }, (_, n) => ({ email: `fast${n}@example.org` }));
		const started = Date.now();
		const result = await run({ email: '={{ $json.email }}', options: { maxRequests: 0 } }, items);
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(900);
	});
});

describe('company picker (list search)', () => {
	const search = (
		filter?: string,
		paginationToken?: string,
		values?: ICredentialDataDecryptedObject,
	) =>
		listSearch({
			type: 'revyOps',
			method: 'searchCompanies',
			filter,
			paginationToken,
			credentials: credentials(values),
		});

	test('pages through the companies 100 at a time', async () => {
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'Acme Outdoor (acme-outdoor.com)', value: '1001' });
		expect(first.paginationToken).toBe('2');
		const second = await search(undefined, first.paginationToken);
		expect(second.results).toHaveLength(RO_COMPANIES.length + RO_GENERATED_COMPANIES - 100);
		expect(second.paginationToken).toBeUndefined();
		expect(requests().map((request) => [request.path, request.query])).toEqual([
			['/public/v2/companies', { page: '1', page_size: '100' }],
			['/public/v2/companies', { page: '2', page_size: '100' }],
		]);
		// Only this workspace's companies.
		expect(
			[...first.results, ...second.results].some(
				(entry) => entry.value === String(RO_FOREIGN_COMPANY.id),
			),
		).toBe(false);
	});

	test('searches by name', async () => {
		const found = await search('blue');
		expect(found).toEqual({
			results: [{ name: 'Bluebird Dental (bluebird-dental.com)', value: '1002' }],
			paginationToken: undefined,
		});
		expect(requests()[0].query).toEqual({ page: '1', page_size: '100', name: 'blue' });
	});

	test('works with a Client ID credential', async () => {
		const found = await search('acme', undefined, { clientId: REVYOPS_CLIENT.clientId });
		expect(found.results).toEqual([{ name: 'Acme Outdoor (acme-outdoor.com)', value: '1001' }]);
		expect(requests()[0].query.client_id).toBe(REVYOPS_CLIENT.clientId);
	});

	test('a bad key is an error, not an empty list', async () => {
		await expect(search(undefined, undefined, { apiKey: 'rvo-key-bad' })).rejects.toThrow(
			'RevyOps answered 403: Invalid API key.',
		);
	});
});

describe('custom field names (dropdown)', () => {
	const load = (values?: ICredentialDataDecryptedObject) =>
		loadOptions({
			type: 'revyOps',
			method: 'getCustomFieldNames',
			credentials: credentials(values),
		});

	test('lists the names used by contacts, over every page, sorted', async () => {
		const options = await load();
		const names = [...RO_FIELD_NAMES_FIRST_PAGE, RO_FIELD_NAME_LATER_PAGE].sort((a, b) =>
			a.localeCompare(b),
		);
		expect(options).toEqual(names.map((name) => ({ name, value: name })));
		expect(requests().map((request) => [request.path, request.query])).toEqual([
			[CONTACTS, { structure: 'FLAT', page: '1', page_size: '100' }],
			[CONTACTS, { structure: 'FLAT', page: '2', page_size: '100' }],
			[CONTACTS, { structure: 'FLAT', page: '3', page_size: '100' }],
		]);
	});

	test('an empty workspace gives an empty list', async () => {
		state().contacts = [];
		expect(await load()).toEqual([]);
	});

	test('a bad key is an error, not an empty list', async () => {
		await expect(load({ apiKey: 'rvo-key-bad' })).rejects.toThrow(
			'RevyOps answered 403: Invalid API key.',
		);
	});
});

describe('credential test', () => {
	test('a good key passes with one cheap request', async () => {
		const response = await testCredential('revyOpsApi', { baseUrl, apiKey: REVYOPS_CLIENT.apiKey });
		expect(response.statusCode).toBe(200);
		const [request] = requests();
		expect([request.method, request.path, request.query]).toEqual([
			'GET',
			'/public/v2/companies',
			{ page_size: '1' },
		]);
		expect(request.headers['x-api-key']).toBe(REVYOPS_CLIENT.apiKey);
	});

	test('a bad key fails', async () => {
		const response = await testCredential('revyOpsApi', { baseUrl, apiKey: 'rvo-key-bad' });
		expect(response.statusCode).toBe(403);
		expect(response.body).toEqual({ detail: 'Invalid API key.' });
	});

	test('a Client ID alone passes, sent as client_id', async () => {
		const response = await testCredential('revyOpsApi', {
			baseUrl,
			clientId: REVYOPS_CLIENT.clientId,
		});
		expect(response.statusCode).toBe(200);
		expect(requests()[0].query).toEqual({ page_size: '1', client_id: REVYOPS_CLIENT.clientId });
		expect(requests()[0].headers['x-api-key']).toBeUndefined();
	});

	test('a wrong Client ID fails', async () => {
		const response = await testCredential('revyOpsApi', { baseUrl, clientId: 'rvo-cid-nope' });
		expect(response.statusCode).toBe(403);
	});

	test('an empty credential fails', async () => {
		const response = await testCredential('revyOpsApi', { baseUrl });
		expect(response.statusCode).toBe(403);
		expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
	});
});

describe('a 2xx that is not the documented answer', () => {
	test('a dropdown answered by a maintenance page is an error, not an empty list', async () => {
		sandbox.addFault({ path: '/public/v2/contacts', ...notTheAnswer.html });
		await expect(
			loadOptions({ type: 'revyOps', method: 'getCustomFieldNames', credentials: credentials() }),
		).rejects.toThrow(
			'RevyOps answered 200 but not with JSON (an HTML page: "Down for maintenance',
		);
	});
});
