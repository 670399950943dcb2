/**
 * RevyOps in the real n8n: the sandbox's seed data (test/sandbox/vendors/revyOps.ts) is the
 * truth every expectation below is written against.
 *
 * The credential carries both the API key and the Client ID (RevyOps documents both ways),
 * so every request shows the credential's `authenticate` function at work in n8n: the key in
 * `x-api-key` and `client_id` merged into the node's own query. The bad credential is a
 * Client ID alone, the vendor reference's way, that RevyOps does not know (403).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	RO_COMPANIES,
	RO_EXISTING_CONTACT,
	RO_FOREIGN_COMPANY,
	RO_GENERATED_COMPANIES,
	RO_SEEDED_CONTACTS,
	REVYOPS_CLIENT,
} from '../../sandbox/vendors/revyOps';
import type { E2eVendor, ExpectedRequest } from '../lib/vendor';

const [ACME, BLUEBIRD, COPPER] = RO_COMPANIES;
const CONTACTS = '/public/v2/contacts';
const SEED_TIME = '2026-01-15T09:30:00Z';
/** The sandbox numbers new contacts after the seeded ones, and custom field values after theirs (2 each, 3 past the 100th). */
const FIRST_NEW_CONTACT = RO_EXISTING_CONTACT.id + RO_SEEDED_CONTACTS;
const FIRST_NEW_FIELD = 90001 + 100 * 2 + (RO_SEEDED_CONTACTS - 100) * 3;

/** Every request carries the key in its header and the Client ID in its query. */
const auth = { 'x-api-key': REVYOPS_CLIENT.apiKey };
const query = (parameters: Record<string, string> = {}) => ({
	...parameters,
	client_id: REVYOPS_CLIENT.clientId,
});

const create = (body: object, structure = 'NESTED'): ExpectedRequest => ({
	method: 'POST',
	path: CONTACTS,
	query: query({ structure }),
	body,
	headers: auth,
});

/** A contact as RevyOps answers it (`publicContact` in the sandbox). */
const contact = (fields: IDataObject) => ({
	id: '<any>',
	updated_time: '<iso-date>',
	email: null,
	linkedin_url: null,
	first_name: '',
	last_name: '',
	company_id: null,
	contact_custom_fields: [],
	origin: 'API',
	contact_status: 'Active',
	first_campaign_email_sent: null,
	last_campaign_email_sent: null,
	last_reply_received: null,
	previous_status: null,
	status_changed_at: null,
	...fields,
});
const nestedField = (
	id: number,
	field_name: string,
	field_value: string,
	updated_time = '<iso-date>',
) => ({ id, updated_time, field_name, field_value });

/** The seeded contact "Return Existing" finds. */
const dana = (contact_custom_fields: IDataObject | IDataObject[]) =>
	contact({
		...RO_EXISTING_CONTACT,
		updated_time: SEED_TIME,
		company_id: ACME.id,
		contact_custom_fields,
		origin: 'CSV import',
	});
const DANA_NESTED = [
	nestedField(90001, 'Industry', 'Outdoor gear', SEED_TIME),
	nestedField(90002, 'Lead Source', 'Trade show', SEED_TIME),
];
const DANA_FLAT = { Industry: 'Outdoor gear', 'Lead Source': 'Trade show' };

/** Seeded contact n (0 = Dana) as RevyOps lists it with the Flat structure. */
const seededFlat = (n: number) =>
	n === 0
		? dana(DANA_FLAT)
		: contact({
				id: RO_EXISTING_CONTACT.id + n,
				updated_time: SEED_TIME,
				email: `contact${n}@acme-outdoor.com`,
				first_name: `Person${n}`,
				last_name: 'Seed',
				company_id: ACME.id,
				contact_custom_fields: {
					Industry: n % 2 ? 'Retail' : 'Outdoor gear',
					'Lead Source': 'Trade show',
					...(n >= 100 && { 'Deal Size': '25000' }),
				},
				origin: 'CSV import',
			});

const patch = (contactId: number, body: object, structure = 'NESTED'): ExpectedRequest => ({
	method: 'PATCH',
	path: `${CONTACTS}/${contactId}`,
	query: query({ structure }),
	body,
	headers: auth,
});

/** The company picker's entries, in RevyOps' order: the named companies, then the generated branches. */
const COMPANY_RESULTS = [
	...RO_COMPANIES.map((company) => ({
		name: `${company.name} (${company.domain})`,
		value: String(company.id),
	})),
	...Array.from({ length: RO_GENERATED_COMPANIES }, (_unused, index) => {
		const number = String(index + 1).padStart(3, '0');
		return {
			name: `Northwind Branch ${number} (branch${number}.northwind.example)`,
			value: String(1101 + index),
		};
	}),
];

const companies = (parameters: Record<string, string>): ExpectedRequest => ({
	method: 'GET',
	path: '/public/v2/companies',
	query: query(parameters),
	headers: auth,
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const revyOpsE2e: E2eVendor = {
	displayName: 'RevyOps',
	sandboxVendor: 'revyops',
	nodeName: 'revyOps',
	nodeVersion: 1,
	credential: {
		id: 'e2eRevyOpsCred01',
		name: 'RevyOps (sandbox)',
		type: 'revyOpsApi',
		data: (baseUrl) => ({
			apiKey: REVYOPS_CLIENT.apiKey,
			clientId: REVYOPS_CLIENT.clientId,
			baseUrl,
		}),
		badData: (baseUrl) => ({ apiKey: '', clientId: 'rvo-cid-00000000', baseUrl }),
		// n8n reports the status text of a refused credential test, not the vendor's `{detail}` (here "Invalid client_id.").
		badMessage: /Forbidden/,
		badDropdownMessage: 'RevyOps answered 403: Invalid client_id.',
	},

	workflows: [
		{
			id: 'e2eRevyOpsWf01',
			name: 'RevyOps: create contacts (example)',
			example: true,
			// The company picked from the list; two custom fields (an empty one left out) and the
			// additional fields; a contact known by its LinkedIn URL alone; and a duplicate email,
			// which "Return Existing" looks up by email and outputs as it is in RevyOps.
			items: [
				{
					email: 'maria.lopez@example.com',
					firstName: 'Maria',
					lastName: 'Lopez',
					industry: 'Outdoor gear',
					source: 'Webinar',
				},
				{
					linkedin: 'https://www.linkedin.com/in/sam-okafor',
					firstName: 'Sam',
					lastName: 'Okafor',
					industry: 'Retail',
				},
				{
					email: RO_EXISTING_CONTACT.email,
					firstName: 'Dana',
					lastName: 'Reyes',
					industry: 'Outdoor gear',
				},
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: {
					__rl: true,
					mode: 'list',
					value: String(ACME.id),
					cachedResultName: `${ACME.name} (${ACME.domain})`,
				},
				email: "={{ $json.email ?? '' }}",
				linkedinUrl: "={{ $json.linkedin ?? '' }}",
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				customFields: {
					field: [
						{ key: 'Industry', value: '={{ $json.industry }}' },
						{ key: 'Lead Source', value: "={{ $json.source ?? '' }}" },
					],
				},
				additionalFields: { contactStatus: 'Active', origin: 'n8n workflow' },
				// One at a time, so the sandbox sees the requests in a fixed order.
				options: { ifContactExists: 'returnExisting', maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					email: 'maria.lopez@example.com',
					first_name: 'Maria',
					last_name: 'Lopez',
					company_id: ACME.id,
					contact_status: 'Active',
					origin: 'n8n workflow',
					contact_custom_fields_input: [
						{ field_name: 'Industry', field_value: 'Outdoor gear' },
						{ field_name: 'Lead Source', field_value: 'Webinar' },
					],
				}),
				create({
					linkedin_url: 'https://www.linkedin.com/in/sam-okafor',
					first_name: 'Sam',
					last_name: 'Okafor',
					company_id: ACME.id,
					contact_status: 'Active',
					origin: 'n8n workflow',
					contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Retail' }],
				}),
				create({
					email: RO_EXISTING_CONTACT.email,
					first_name: 'Dana',
					last_name: 'Reyes',
					company_id: ACME.id,
					contact_status: 'Active',
					origin: 'n8n workflow',
					contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Outdoor gear' }],
				}),
				{
					method: 'GET',
					path: CONTACTS,
					query: query({ email: RO_EXISTING_CONTACT.email, structure: 'NESTED', page_size: '100' }),
					headers: auth,
				},
			],
			expectedOutput: [
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT,
							email: 'maria.lopez@example.com',
							first_name: 'Maria',
							last_name: 'Lopez',
							company_id: ACME.id,
							contact_custom_fields: [
								nestedField(FIRST_NEW_FIELD, 'Industry', 'Outdoor gear'),
								nestedField(FIRST_NEW_FIELD + 1, 'Lead Source', 'Webinar'),
							],
							origin: 'n8n workflow',
						}),
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT + 1,
							linkedin_url: 'https://www.linkedin.com/in/sam-okafor',
							first_name: 'Sam',
							last_name: 'Okafor',
							company_id: ACME.id,
							contact_custom_fields: [nestedField(FIRST_NEW_FIELD + 2, 'Industry', 'Retail')],
							origin: 'n8n workflow',
						}),
						outcome: 'created',
					},
					pairedItem: 1,
				},
				{ json: { ...dana(DANA_NESTED), outcome: 'existing' }, pairedItem: 2 },
			],
		},
		{
			id: 'e2eRevyOpsWf02',
			name: 'RevyOps: company by domain, flat custom fields',
			// The company by domain (a pasted address is reduced to it, RevyOps resolves it), the
			// custom fields answered Flat; the third repeats a seeded contact's LinkedIn profile
			// (trailing slash): RevyOps answers 409, and with no email to go by "Return Existing"
			// searches by name and matches the profile.
			items: [
				{
					website: 'https://www.bluebird-dental.com/team',
					email: 'lee.chen@bluebird-dental.com',
					firstName: 'Lee',
					lastName: 'Chen',
					dealSize: '12000',
				},
				{
					website: COPPER.domain,
					email: 'ops@copperkettle.cafe',
					firstName: 'Ola',
					lastName: 'Nordmann',
				},
				{
					website: ACME.domain,
					linkedin: `${RO_EXISTING_CONTACT.linkedin_url}/`,
					firstName: 'Dana',
					lastName: 'Reyes',
				},
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: { __rl: true, mode: 'domain', value: '={{ $json.website }}' },
				email: "={{ $json.email ?? '' }}",
				linkedinUrl: "={{ $json.linkedin ?? '' }}",
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				customFields: { field: [{ key: 'Deal Size', value: "={{ $json.dealSize ?? '' }}" }] },
				options: {
					ifContactExists: 'returnExisting',
					responseStructure: 'FLAT',
					maxConcurrency: 1,
				},
			},
			expectedRequests: [
				create(
					{
						email: 'lee.chen@bluebird-dental.com',
						first_name: 'Lee',
						last_name: 'Chen',
						company_id: BLUEBIRD.domain,
						contact_custom_fields_input: [{ field_name: 'Deal Size', field_value: '12000' }],
					},
					'FLAT',
				),
				create(
					{
						email: 'ops@copperkettle.cafe',
						first_name: 'Ola',
						last_name: 'Nordmann',
						company_id: COPPER.domain,
					},
					'FLAT',
				),
				create(
					{
						linkedin_url: `${RO_EXISTING_CONTACT.linkedin_url}/`,
						first_name: 'Dana',
						last_name: 'Reyes',
						company_id: ACME.domain,
					},
					'FLAT',
				),
				{
					method: 'GET',
					path: CONTACTS,
					query: query({
						firstname: 'Dana',
						lastname: 'Reyes',
						structure: 'FLAT',
						page: '1',
						page_size: '100',
					}),
					headers: auth,
				},
			],
			expectedOutput: [
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT,
							email: 'lee.chen@bluebird-dental.com',
							first_name: 'Lee',
							last_name: 'Chen',
							company_id: BLUEBIRD.id,
							contact_custom_fields: { 'Deal Size': '12000' },
						}),
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT + 1,
							email: 'ops@copperkettle.cafe',
							first_name: 'Ola',
							last_name: 'Nordmann',
							company_id: COPPER.id,
							contact_custom_fields: {},
						}),
						outcome: 'created',
					},
					pairedItem: 1,
				},
				{ json: { ...dana(DANA_FLAT), outcome: 'existing' }, pairedItem: 2 },
			],
		},
		{
			id: 'e2eRevyOpsWf03',
			name: 'RevyOps: continue on fail with good and bad items',
			continueOnFail: true,
			// The company by ID. Good; an ID that is not a number (refused before sending); an
			// unknown company (404) and another workspace's company (401), both named in the
			// message; a duplicate email (409, "Fail" is the default); an email RevyOps rejects
			// (400, its field message); no email and no LinkedIn URL (refused before sending);
			// good without a company. Every item comes out, in order.
			items: [
				{ companyId: String(BLUEBIRD.id), email: 'pat.kim@bluebird-dental.com', firstName: 'Pat' },
				{ companyId: 'acme', email: 'someone@acme-outdoor.com' },
				{ companyId: '4242', email: 'nobody@example.com' },
				{ companyId: String(RO_FOREIGN_COMPANY.id), email: 'captain@harborfreight.example' },
				{ companyId: String(ACME.id), email: RO_EXISTING_CONTACT.email },
				{ companyId: String(ACME.id), email: 'kim@example.c' },
				{ companyId: String(COPPER.id), firstName: 'No Contact Details' },
				{ email: 'solo@example.org', firstName: 'Solo' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: byId("={{ $json.companyId ?? '' }}"),
				email: "={{ $json.email ?? '' }}",
				firstName: "={{ $json.firstName ?? '' }}",
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					email: 'pat.kim@bluebird-dental.com',
					first_name: 'Pat',
					company_id: BLUEBIRD.id,
				}),
				create({ email: 'nobody@example.com', company_id: 4242 }),
				create({ email: 'captain@harborfreight.example', company_id: RO_FOREIGN_COMPANY.id }),
				create({ email: RO_EXISTING_CONTACT.email, company_id: ACME.id }),
				create({ email: 'kim@example.c', company_id: ACME.id }),
				create({ email: 'solo@example.org', first_name: 'Solo' }),
			],
			expectedOutput: [
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT,
							email: 'pat.kim@bluebird-dental.com',
							first_name: 'Pat',
							company_id: BLUEBIRD.id,
						}),
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						message:
							'Company ID "acme" is not a RevyOps company ID: a whole number such as 1042 is expected [item 1]',
						error: {
							message:
								'Company ID "acme" is not a RevyOps company ID: a whole number such as 1042 is expected [item 1]',
							description:
								'Pick the company from the list, or choose "Domain" to give its domain instead.',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'RevyOps answered 404: Company not found. (company ID 4242) [item 2]',
						error: {
							message: 'RevyOps answered 404: Company not found. (company ID 4242) [item 2]',
							httpCode: '404',
							description:
								'RevyOps has no company with ID 4242. Pick the company from the list, or give its domain instead.',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message: `RevyOps answered 401: Company does not belong to this client. (company ID ${RO_FOREIGN_COMPANY.id}) [item 3]`,
						error: {
							message: `RevyOps answered 401: Company does not belong to this client. (company ID ${RO_FOREIGN_COMPANY.id}) [item 3]`,
							httpCode: '401',
							description:
								"The company belongs to another RevyOps client (workspace) than the credential opens. Pick the company from the list, which shows only this workspace's companies, or use the credential of the company's workspace.",
						},
					},
					pairedItem: 3,
				},
				{
					json: {
						message: 'RevyOps answered 409: Contact with this email already exists. [item 4]',
						error: {
							message: 'RevyOps answered 409: Contact with this email already exists. [item 4]',
							httpCode: '409',
							description:
								'A record with these details already exists. Set "If Contact Exists" to "Return Existing" to output it instead. (POST /public/v2/contacts)',
						},
					},
					pairedItem: 4,
				},
				{
					json: {
						message: 'RevyOps answered 400: email: Enter a valid email address. [item 5]',
						error: {
							message: 'RevyOps answered 400: email: Enter a valid email address. [item 5]',
							httpCode: '400',
							description:
								'The vendor rejected the data sent. Check the fields named in the message. (POST /public/v2/contacts)',
						},
					},
					pairedItem: 5,
				},
				{
					json: {
						message:
							'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them [item 6]',
						error: {
							message:
								'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them [item 6]',
							description: 'Fill Email, LinkedIn URL, or both.',
						},
					},
					pairedItem: 6,
				},
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT + 1,
							email: 'solo@example.org',
							first_name: 'Solo',
						}),
						outcome: 'created',
					},
					pairedItem: 7,
				},
			],
		},
		{
			id: 'e2eRevyOpsWf04',
			name: 'RevyOps: every contact (Get Many, Return All)',
			manyPerItem: true,
			// Return All over RevyOps' pages of 100 until its count is reached: three requests,
			// one output item per contact in RevyOps' order, custom fields Flat.
			items: [{}],
			parameters: {
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				options: { responseStructure: 'FLAT' },
			},
			expectedRequests: [1, 2, 3].map((page) => ({
				method: 'GET',
				path: CONTACTS,
				query: query({ structure: 'FLAT', page: String(page), page_size: '100' }),
				headers: auth,
			})),
			expectedOutput: Array.from({ length: RO_SEEDED_CONTACTS }, (_unused, n) => ({
				json: seededFlat(n),
				pairedItem: 0,
			})),
		},
		{
			id: 'e2eRevyOpsWf05',
			name: 'RevyOps: create or update contacts (example)',
			example: true,
			// If Contact Exists → Update Existing over items half of which exist: a new person is
			// created; Dana (her email in other case) is found by email and patched with the item's
			// fields but the email, so her stored spelling stays. No contact is made twice.
			items: [
				{ email: 'maria.lopez@example.com', firstName: 'Maria', industry: 'Retail' },
				{
					email: RO_EXISTING_CONTACT.email.toUpperCase(),
					firstName: 'Danielle',
					industry: 'Climbing',
				},
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.email }}',
				firstName: '={{ $json.firstName }}',
				customFields: { field: [{ key: 'Industry', value: '={{ $json.industry }}' }] },
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					email: 'maria.lopez@example.com',
					first_name: 'Maria',
					contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Retail' }],
				}),
				create({
					email: RO_EXISTING_CONTACT.email.toUpperCase(),
					first_name: 'Danielle',
					contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Climbing' }],
				}),
				{
					method: 'GET',
					path: CONTACTS,
					query: query({
						email: RO_EXISTING_CONTACT.email.toUpperCase(),
						structure: 'NESTED',
						page_size: '100',
					}),
					headers: auth,
				},
				patch(RO_EXISTING_CONTACT.id, {
					first_name: 'Danielle',
					contact_custom_fields_input: [{ field_name: 'Industry', field_value: 'Climbing' }],
				}),
			],
			expectedOutput: [
				{
					json: {
						...contact({
							id: FIRST_NEW_CONTACT,
							email: 'maria.lopez@example.com',
							first_name: 'Maria',
							contact_custom_fields: [nestedField(FIRST_NEW_FIELD, 'Industry', 'Retail')],
						}),
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						...dana([
							nestedField(90001, 'Industry', 'Climbing'),
							nestedField(90002, 'Lead Source', 'Trade show', SEED_TIME),
						]),
						updated_time: '<iso-date>',
						first_name: 'Danielle',
						outcome: 'updated',
					},
					pairedItem: 1,
				},
			],
		},
		{
			id: 'e2eRevyOpsWf06',
			name: 'RevyOps: update contacts, continue on fail',
			continueOnFail: true,
			// Update: Dana's last name and one custom field by name (her other field stays); an ID
			// RevyOps does not know (404, the ID named); nothing to change and a malformed email
			// (both refused before sending). Every item comes out, in order.
			items: [
				{ id: RO_EXISTING_CONTACT.id, lastName: 'Reyes-Park', dealSize: '40000' },
				{ id: 999999, lastName: 'Ghost' },
				{ id: RO_EXISTING_CONTACT.id },
				{ id: RO_EXISTING_CONTACT.id, email: 'dana@acme' },
			],
			parameters: {
				resource: 'contact',
				operation: 'update',
				contact: byId('={{ $json.id }}'),
				email: "={{ $json.email ?? '' }}",
				lastName: "={{ $json.lastName ?? '' }}",
				customFields: { field: [{ key: 'Deal Size', value: "={{ $json.dealSize ?? '' }}" }] },
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				patch(RO_EXISTING_CONTACT.id, {
					last_name: 'Reyes-Park',
					contact_custom_fields_input: [{ field_name: 'Deal Size', field_value: '40000' }],
				}),
				patch(999999, { last_name: 'Ghost' }),
			],
			expectedOutput: [
				{
					json: {
						...dana([...DANA_NESTED, nestedField(FIRST_NEW_FIELD, 'Deal Size', '40000')]),
						updated_time: '<iso-date>',
						last_name: 'Reyes-Park',
					},
					pairedItem: 0,
				},
				{
					json: {
						message:
							'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 1]',
						error: {
							message:
								'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 1]',
							httpCode: '404',
							description:
								'RevyOps has no contact with ID 999999 in the workspace the credential opens. Pick the contact from the list, or take its ID from Get Many\'s "id".',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'Nothing to update: every field is empty [item 2]',
						error: {
							message: 'Nothing to update: every field is empty [item 2]',
							description:
								"Fill at least one of Company, Email, LinkedIn URL, First Name, Last Name, Custom Fields, Contact Status or Origin. Empty fields leave the contact's values as they are.",
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message: 'Email "dana@acme" is not a valid email address [item 3]',
						error: {
							message: 'Email "dana@acme" is not a valid email address [item 3]',
							description: 'Use the form name@example.com.',
						},
					},
					pairedItem: 3,
				},
			],
		},
		{
			id: 'e2eRevyOpsWf07',
			name: 'RevyOps: get contacts by ID',
			continueOnFail: true,
			// Get: Dana picked from the list, then an ID RevyOps does not know.
			items: [{ id: String(RO_EXISTING_CONTACT.id) }, { id: '999999' }],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'list', value: '={{ $json.id }}' },
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [RO_EXISTING_CONTACT.id, 999999].map((id) => ({
				method: 'GET',
				path: `${CONTACTS}/${id}`,
				query: query({ structure: 'NESTED' }),
				headers: auth,
			})),
			expectedOutput: [
				{ json: dana(DANA_NESTED), pairedItem: 0 },
				{
					json: {
						message:
							'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 1]',
						error: {
							message:
								'RevyOps answered 404: No Contact matches the given query. (contact ID 999999) [item 1]',
							httpCode: '404',
							description:
								'RevyOps has no contact with ID 999999 in the workspace the credential opens. Pick the contact from the list, or take its ID from Get Many\'s "id".',
						},
					},
					pairedItem: 1,
				},
			],
		},
	],

	dropdowns: [
		{
			// The company picker ("From List"): the first page of 100, and a token for the next.
			kind: 'listSearch',
			openedInEditor: true,
			methodName: 'searchCompanies',
			parameterPath: 'company',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: COMPANY_RESULTS.slice(0, 100),
			expectedPaginationToken: '2',
			expectedRequests: [companies({ page: '1', page_size: '100' })],
		},
		{
			// Scrolled to the end: the last page, and no further token.
			kind: 'listSearch',
			methodName: 'searchCompanies',
			parameterPath: 'company',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			paginationToken: '2',
			expected: COMPANY_RESULTS.slice(100),
			expectedRequests: [companies({ page: '2', page_size: '100' })],
		},
		{
			// Typed in the search box: RevyOps searches by name.
			kind: 'listSearch',
			openedInEditor: true,
			methodName: 'searchCompanies',
			parameterPath: 'company',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			filter: 'blue',
			expected: [{ name: `${BLUEBIRD.name} (${BLUEBIRD.domain})`, value: String(BLUEBIRD.id) }],
			expectedRequests: [companies({ page: '1', page_size: '100', name: 'blue' })],
		},
		{
			// The names the workspace's contacts use, over every page ("Deal Size" only from page 2).
			methodName: 'getCustomFieldNames',
			parameterPath: 'customFields.field.key',
			currentNodeParameters: {
				resource: 'contact',
				operation: 'create',
				company: byId(String(ACME.id)),
			},
			expected: [
				{ name: 'Deal Size', value: 'Deal Size' },
				{ name: 'Industry', value: 'Industry' },
				{ name: 'Lead Source', value: 'Lead Source' },
			],
			expectedRequests: [
				{
					method: 'GET',
					path: CONTACTS,
					query: query({ structure: 'FLAT', page: '1', page_size: '100' }),
					headers: auth,
				},
				{
					method: 'GET',
					path: CONTACTS,
					query: query({ structure: 'FLAT', page: '2', page_size: '100' }),
					headers: auth,
				},
				{
					method: 'GET',
					path: CONTACTS,
					query: query({ structure: 'FLAT', page: '3', page_size: '100' }),
					headers: auth,
				},
			],
		},
		{
			// The contact picker of Get and Update: two words are searched as first and last name.
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'contact', operation: 'update' },
			filter: 'Dana Reyes',
			expected: [
				{
					name: `Dana Reyes (${RO_EXISTING_CONTACT.email})`,
					value: String(RO_EXISTING_CONTACT.id),
				},
			],
			expectedRequests: [
				{
					method: 'GET',
					path: CONTACTS,
					query: query({ firstname: 'Dana', lastname: 'Reyes', page: '1', page_size: '100' }),
					headers: auth,
				},
			],
		},
	],
};
