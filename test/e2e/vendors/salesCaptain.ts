/**
 * SalesCaptain in the real n8n: the sandbox's seed data (test/sandbox/vendors/salesCaptain.ts)
 * is the truth every expectation below is written against.
 */
import { notTheAnswer } from '../../sandbox/server';
import { SALESCAPTAIN_TOKEN, SC_COMPANIES } from '../../sandbox/vendors/salesCaptain';
import type { E2eVendor, ExpectedRequest } from '../lib/vendor';

const [ACME, BLUEBIRD, COPPER] = SC_COMPANIES.map((company) => company.company_id);
const NO_ACCESS_COMPANY = '99999999-9999-4999-8999-999999999999';
const TAG_VIP = '11111111-aaaa-4aaa-8aaa-000000000001';
const TAG_NEWSLETTER = '11111111-aaaa-4aaa-8aaa-000000000002';
const TAG_COLD_LEAD = '11111111-aaaa-4aaa-8aaa-000000000003';
const CF_INDUSTRY = 'd4e5f6a7-b8c9-4d1e-8f3a-4b5c6d7e8f9a';
const CF_BUDGET = 'e5f6a7b8-c9d0-4e2f-9a4b-5c6d7e8f9a0b';
/** A well-formed tag ID that is no tag of ACME: SalesCaptain refuses it with 400. */
const TAG_UNKNOWN = '11111111-aaaa-4aaa-8aaa-0000000000ff';

/** Every request must carry the credential's token, as the credential's `authenticate` block says. */
const auth = { authorization: `Bearer ${SALESCAPTAIN_TOKEN}` };

const create = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/v1/create-contact',
	body,
	headers: auth,
});
const addTag = (tagId: string): ExpectedRequest => ({
	method: 'POST',
	path: `/v1/add-tag-to-contact/${ACME}`,
	body: { contact_id: '<uuid>', tag_id: tagId },
	headers: auth,
});

const contact = (
	name: string,
	phone: string | null,
	email: string | null,
	customFields: object[],
	extra: object,
) => ({
	contact_id: '<uuid>',
	name,
	phone,
	email,
	conversation_id: '<uuid>',
	created_at: '<iso-date>',
	updated_at: '<iso-date>',
	custom_fields: customFields,
	...extra,
});

export const salesCaptainE2e: E2eVendor = {
	displayName: 'SalesCaptain',
	sandboxVendor: 'salescaptain',
	nodeName: 'salesCaptain',
	nodeVersion: 1,
	credential: {
		id: 'e2eSalesCaptain1',
		name: 'SalesCaptain (sandbox)',
		type: 'salesCaptainApi',
		data: (baseUrl) => ({ accessToken: SALESCAPTAIN_TOKEN, baseUrl }),
		badData: (baseUrl) => ({ accessToken: 'sc-revoked-token-0000', baseUrl }),
		badMessage: /Unauthorized/i,
		badDropdownMessage: 'SalesCaptain answered 401: Unauthorized access',
	},

	// The README's "Use as an AI Agent tool" form: the company fixed in the node, the name
	// required from the model, phone and email optional (a default, '', in $fromAI).
	aiAgentExample: {
		id: 'e2eSalesCaptAi01',
		name: 'SalesCaptain: AI Agent tool (example)',
		toolParameters: {
			resource: 'contact',
			operation: 'create',
			company: ACME,
			fullName: "={{ $fromAI('fullName', 'the contact full name', 'string') }}",
			phone: "={{ $fromAI('phone', 'phone with country code, if known', 'string', '') }}",
			email: "={{ $fromAI('email', 'the contact email, if known', 'string', '') }}",
			options: { ifContactExists: 'returnExisting' },
		},
	},

	workflows: [
		{
			id: 'e2eSalesCaptWf01',
			name: 'SalesCaptain: create contacts (example)',
			example: true,
			// Two new contacts with a custom field and two tags; the third repeats the first's
			// phone, written as a US national number (Default Country: United States), so
			// SalesCaptain answers 409 and "Return Existing" looks the contact up. The custom
			// fields' types are read once, before the first create.
			items: [
				{
					name: 'Ada Lovelace',
					phone: '+1 (415) 555-0101',
					email: 'ada@example.com',
					industry: 'Computing',
				},
				{ name: 'Grace Hopper', email: 'grace@example.com', industry: 'Navy' },
				{ name: 'Ada L.', phone: '(415) 555-0101', industry: 'Computing' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: ACME,
				fullName: '={{ $json.name }}',
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				tags: [TAG_VIP, TAG_NEWSLETTER],
				customFields: { field: [{ key: CF_INDUSTRY, value: '={{ $json.industry }}' }] },
				// One at a time, so the sandbox sees the requests in a fixed order.
				options: { ifContactExists: 'returnExisting', maxConcurrency: 1, defaultCountry: 'US' },
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/list-custom-fields/${ACME}`, headers: auth },
				create({
					company_id: ACME,
					contact_name: 'Ada Lovelace',
					contact_phone: '+14155550101',
					contact_email: 'ada@example.com',
					custom_fields: [{ cf_id: CF_INDUSTRY, cf_value: 'Computing' }],
				}),
				addTag(TAG_VIP),
				addTag(TAG_NEWSLETTER),
				create({
					company_id: ACME,
					contact_name: 'Grace Hopper',
					contact_email: 'grace@example.com',
					custom_fields: [{ cf_id: CF_INDUSTRY, cf_value: 'Navy' }],
				}),
				addTag(TAG_VIP),
				addTag(TAG_NEWSLETTER),
				create({
					company_id: ACME,
					contact_name: 'Ada L.',
					contact_phone: '+14155550101',
					custom_fields: [{ cf_id: CF_INDUSTRY, cf_value: 'Computing' }],
				}),
				{
					method: 'GET',
					path: `/v1/list-contacts/${ACME}`,
					query: { search_key: '+14155550101', page_number: '1', items_per_page: '100' },
					headers: auth,
				},
				// The existing contact already has both tags: SalesCaptain answers 409, the node counts them as applied.
				addTag(TAG_VIP),
				addTag(TAG_NEWSLETTER),
			],
			expectedOutput: [
				{
					json: contact(
						'Ada Lovelace',
						'+14155550101',
						'ada@example.com',
						[{ cf_name: 'Industry', cf_value: 'Computing' }],
						{
							appliedTags: [TAG_VIP, TAG_NEWSLETTER],
							outcome: 'created',
						},
					),
					pairedItem: 0,
				},
				{
					json: contact(
						'Grace Hopper',
						null,
						'grace@example.com',
						[{ cf_name: 'Industry', cf_value: 'Navy' }],
						{
							appliedTags: [TAG_VIP, TAG_NEWSLETTER],
							outcome: 'created',
						},
					),
					pairedItem: 1,
				},
				{
					json: contact(
						'Ada Lovelace',
						'+14155550101',
						'ada@example.com',
						[{ cf_name: 'Industry', cf_value: 'Computing' }],
						{
							appliedTags: [TAG_VIP, TAG_NEWSLETTER],
							outcome: 'existing',
						},
					),
					pairedItem: 2,
				},
			],
		},
		{
			id: 'e2eSalesCaptWf02',
			name: 'SalesCaptain: continue on fail with good and bad items',
			continueOnFail: true,
			// Good, invalid email (refused before sending), duplicate phone (409), a company
			// the token cannot reach (403), good: every item comes out, in order.
			items: [
				{ name: 'Linus Torvalds', phone: '+358 40 123 4567' },
				{ name: 'Bad Email', email: 'not-an-email' },
				{ name: 'Linus again', phone: '+358401234567' },
				{ name: 'Nobody', email: 'nobody@example.com', company: NO_ACCESS_COMPANY },
				{ name: 'Margaret Hamilton', email: 'margaret@example.com' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: `={{ $json.company ?? '${ACME}' }}`,
				fullName: '={{ $json.name }}',
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					company_id: ACME,
					contact_name: 'Linus Torvalds',
					contact_phone: '+358401234567',
				}),
				create({ company_id: ACME, contact_name: 'Linus again', contact_phone: '+358401234567' }),
				create({
					company_id: NO_ACCESS_COMPANY,
					contact_name: 'Nobody',
					contact_email: 'nobody@example.com',
				}),
				create({
					company_id: ACME,
					contact_name: 'Margaret Hamilton',
					contact_email: 'margaret@example.com',
				}),
			],
			expectedOutput: [
				{
					json: contact('Linus Torvalds', '+358401234567', null, [], {
						appliedTags: [],
						outcome: 'created',
					}),
					pairedItem: 0,
				},
				{
					json: {
						message: 'Email "not-an-email" is not a valid email address [item 1]',
						error: {
							message: 'Email "not-an-email" is not a valid email address [item 1]',
							description: 'Use the form name@example.com.',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
						error: {
							message:
								'SalesCaptain answered 409: Contact with this phone already exists! [item 2]',
							httpCode: '409',
							description: '<any>',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message: "SalesCaptain answered 403: You don't have access to this company! [item 3]",
						error: {
							message: "SalesCaptain answered 403: You don't have access to this company! [item 3]",
							httpCode: '403',
							description: '<any>',
						},
					},
					pairedItem: 3,
				},
				{
					json: contact('Margaret Hamilton', null, 'margaret@example.com', [], {
						appliedTags: [],
						outcome: 'created',
					}),
					pairedItem: 4,
				},
			],
		},
		{
			id: 'e2eSalesCaptWf03',
			name: 'SalesCaptain: continue using the error output',
			errorOutput: true,
			// The first create meets a maintenance page (200, HTML); item 4's tag is refused after
			// its contact was created. Failures go to the error output, successes stay on the main one.
			faults: [{ path: '/v1/create-contact', ...notTheAnswer.html }],
			items: [
				{ name: 'During Maintenance', phone: '+1 415 555 0199' },
				{ name: 'Ada Lovelace', phone: '+1 (415) 555-0101' },
				{ name: 'Bad Email', email: 'not-an-email' },
				{ name: 'Ada again', phone: '+14155550101' },
				{ name: 'Grace Hopper', email: 'grace@example.com', tags: [TAG_UNKNOWN] },
				{ name: 'Margaret Hamilton', email: 'margaret@example.com' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: ACME,
				fullName: '={{ $json.name }}',
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				tags: '={{ $json.tags ?? [] }}',
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					company_id: ACME,
					contact_name: 'During Maintenance',
					contact_phone: '+14155550199',
				}),
				create({ company_id: ACME, contact_name: 'Ada Lovelace', contact_phone: '+14155550101' }),
				create({ company_id: ACME, contact_name: 'Ada again', contact_phone: '+14155550101' }),
				create({
					company_id: ACME,
					contact_name: 'Grace Hopper',
					contact_email: 'grace@example.com',
				}),
				addTag(TAG_UNKNOWN),
				create({
					company_id: ACME,
					contact_name: 'Margaret Hamilton',
					contact_email: 'margaret@example.com',
				}),
			],
			expectedOutput: [
				{
					json: contact('Ada Lovelace', '+14155550101', null, [], {
						appliedTags: [],
						outcome: 'created',
					}),
					pairedItem: 1,
				},
				{
					json: contact('Margaret Hamilton', null, 'margaret@example.com', [], {
						appliedTags: [],
						outcome: 'created',
					}),
					pairedItem: 5,
				},
			],
			expectedErrorOutput: [
				{
					json: {
						name: 'During Maintenance',
						phone: '+1 415 555 0199',
						message:
							'SalesCaptain answered 200 but not with a contact (an HTML page: "Down for maintenance Down for maintenance We will be back soon.") [item 0]',
						error: {
							message:
								'SalesCaptain answered 200 but not with a contact (an HTML page: "Down for maintenance Down for maintenance We will be back soon.") [item 0]',
							httpCode: '200',
							description:
								'The request reached something that answered with success but not as SalesCaptain documents, so it is unknown whether it took effect. It was not sent again; check in SalesCaptain before running this item again. (POST /v1/create-contact)',
						},
					},
					pairedItem: 0,
				},
				{
					json: {
						name: 'Bad Email',
						email: 'not-an-email',
						message: 'Email "not-an-email" is not a valid email address [item 2]',
						error: {
							message: 'Email "not-an-email" is not a valid email address [item 2]',
							description: 'Use the form name@example.com.',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						name: 'Ada again',
						phone: '+14155550101',
						message: 'SalesCaptain answered 409: Contact with this phone already exists! [item 3]',
						error: {
							message:
								'SalesCaptain answered 409: Contact with this phone already exists! [item 3]',
							httpCode: '409',
							description: '<any>',
						},
					},
					pairedItem: 3,
				},
				{
					json: {
						name: 'Grace Hopper',
						email: 'grace@example.com',
						tags: [TAG_UNKNOWN],
						// "Contact <the new id> is saved in SalesCaptain, but tag … could not be added: SalesCaptain answered 400: Invalid tag for this company [item 4]"
						message: '<any>',
						error: {
							message: '<any>',
							httpCode: '400',
							description:
								'The contact exists. Add the remaining tags in SalesCaptain, or run this item again with "If Contact Exists" set to "Return Existing".',
							contactId: '<uuid>',
							appliedTags: [],
						},
					},
					pairedItem: 4,
				},
			],
		},
	],

	dropdowns: [
		{
			openedInEditor: true,
			methodName: 'getCompanies',
			parameterPath: 'company',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: [
				{ name: 'Acme Outdoor', value: ACME },
				{ name: 'Bluebird Dental', value: BLUEBIRD },
				{ name: 'Copper Kettle Cafe', value: COPPER },
			],
			expectedRequests: [{ method: 'GET', path: '/v1/fetch-companies', headers: auth }],
		},
		{
			methodName: 'getTags',
			parameterPath: 'tags',
			currentNodeParameters: { resource: 'contact', operation: 'create', company: ACME },
			expected: [
				{ name: 'Cold lead', value: TAG_COLD_LEAD },
				{ name: 'Newsletter', value: TAG_NEWSLETTER },
				{ name: 'VIP', value: TAG_VIP },
			],
			expectedRequests: [{ method: 'GET', path: `/v1/list-tags/${ACME}`, headers: auth }],
		},
		{
			// Only the company's active fields, by label.
			methodName: 'getCustomFields',
			parameterPath: 'customFields.field.key',
			currentNodeParameters: { resource: 'contact', operation: 'create', company: ACME },
			expected: [
				{ name: 'Budget', value: CF_BUDGET },
				{ name: 'Industry', value: CF_INDUSTRY },
			],
			expectedRequests: [{ method: 'GET', path: `/v1/list-custom-fields/${ACME}`, headers: auth }],
		},
		{
			// No company chosen yet: an empty list, and nothing is asked of SalesCaptain.
			methodName: 'getTags',
			parameterPath: 'tags',
			currentNodeParameters: { resource: 'contact', operation: 'create', company: '' },
			expected: [],
			expectedRequests: [],
		},
	],
};
