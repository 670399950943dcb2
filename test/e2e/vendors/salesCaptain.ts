/**
 * SalesCaptain in the real n8n: the sandbox's seed data (test/sandbox/vendors/salesCaptain.ts)
 * is the truth every expectation below is written against.
 */
import { notTheAnswer } from '../../sandbox/server';
import type { SalesCaptainContact } from '../../sandbox/vendors/salesCaptain';
import {
	SALESCAPTAIN_TOKEN,
	SC_COMPANIES,
	SC_COPPER,
	SC_SEEDED_CONTACTS,
	seededContact,
} from '../../sandbox/vendors/salesCaptain';
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

/** Copper Kettle Cafe's seeded contact `n` as SalesCaptain lists and fetches it: with its tags. */
function guest(n: number, changes: Partial<SalesCaptainContact> = {}) {
	const { company_id: _company, tag_ids, ...stored } = { ...seededContact(n), ...changes };
	const tagNames: Record<string, string> = {
		[SC_COPPER.regularTag]: 'Regular',
		[SC_COPPER.loyaltyCardTag]: 'Loyalty Card',
	};
	return {
		...stored,
		tags: tag_ids.map((tagId) => ({ tag_id: tagId, tag_name: tagNames[tagId] })),
	};
}
/** The same contact as create and update answer it: without tags. */
function publicGuest(
	n: number,
	changes: Partial<SalesCaptainContact | Record<string, unknown>> = {},
) {
	const { tags: _tags, ...rest } = guest(n, changes as Partial<SalesCaptainContact>);
	return rest;
}
const guestId = (n: number) => seededContact(n).contact_id;
/** A well-formed contact ID that SalesCaptain does not know. */
const UNKNOWN_CONTACT = '99999999-0000-4000-8000-000000000000';
const notFound = (contactId: string, itemIndex: number) => {
	const message = `SalesCaptain has no contact with ID ${contactId} (Contact not found!) [item ${itemIndex}]`;
	return { message, error: { message, httpCode: '404', description: '<any>' } };
};
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

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
							// As SalesCaptain lists it: with the tags item 0 added.
							tags: [
								{ tag_id: TAG_VIP, tag_name: 'VIP' },
								{ tag_id: TAG_NEWSLETTER, tag_name: 'Newsletter' },
							],
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

		{
			id: 'e2eSalesCaptWf04',
			name: 'SalesCaptain: get many contacts, all pages (example)',
			example: true,
			manyPerItem: true,
			// Copper Kettle Cafe holds 230 contacts: Return All reads the three pages of 100 and
			// outputs one item per contact.
			items: [{ company: COPPER }],
			parameters: {
				resource: 'contact',
				operation: 'getAll',
				company: '={{ $json.company }}',
				returnAll: true,
				filters: { sortBy: 'created_at', sortDirection: 'asc' },
			},
			expectedRequests: [1, 2, 3].map((page) => ({
				method: 'GET',
				path: `/v1/list-contacts/${COPPER}`,
				query: {
					sort_by: 'created_at',
					sort_dir: 'asc',
					page_number: String(page),
					items_per_page: '100',
				},
				headers: auth,
			})),
			expectedOutput: Array.from({ length: SC_SEEDED_CONTACTS }, (_, index) => ({
				json: guest(index + 1),
				pairedItem: 0,
			})),
		},
		{
			id: 'e2eSalesCaptWf05',
			name: 'SalesCaptain: create or update contacts (example)',
			example: true,
			// Two of the four people are Copper Kettle Cafe guests already (same phone): SalesCaptain
			// answers 409, the node finds them and updates them with the item's fields. One create per
			// item, never two, and no duplicate contact.
			items: [
				{
					name: 'Guest One Renamed',
					phone: '+1 415 555 1001',
					email: 'one@example.com',
					visits: '3',
				},
				{ name: 'Nina New', phone: '+1 415 555 0900', email: 'nina@example.com', visits: '1' },
				{ name: 'Guest Two', phone: '(415) 555-1002', visits: '8' },
				{ name: 'Omar New', email: 'omar@example.com', visits: '1' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: COPPER,
				fullName: '={{ $json.name }}',
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				customFields: { field: [{ key: SC_COPPER.visits, value: '={{ $json.visits }}' }] },
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1, defaultCountry: 'US' },
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/list-custom-fields/${COPPER}`, headers: auth },
				create({
					company_id: COPPER,
					contact_name: 'Guest One Renamed',
					contact_phone: '+14155551001',
					contact_email: 'one@example.com',
					custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '3' }],
				}),
				{
					method: 'GET',
					path: `/v1/list-contacts/${COPPER}`,
					query: { search_key: '+14155551001', page_number: '1', items_per_page: '100' },
					headers: auth,
				},
				{
					method: 'PUT',
					path: `/v1/update-contact/${guestId(1)}`,
					body: {
						company_id: COPPER,
						name: 'Guest One Renamed',
						phone: '+14155551001',
						email: 'one@example.com',
						custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '3' }],
					},
					headers: auth,
				},
				create({
					company_id: COPPER,
					contact_name: 'Nina New',
					contact_phone: '+14155550900',
					contact_email: 'nina@example.com',
					custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '1' }],
				}),
				create({
					company_id: COPPER,
					contact_name: 'Guest Two',
					contact_phone: '+14155551002',
					custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '8' }],
				}),
				{
					method: 'GET',
					path: `/v1/list-contacts/${COPPER}`,
					query: { search_key: '+14155551002', page_number: '1', items_per_page: '100' },
					headers: auth,
				},
				{
					method: 'PUT',
					path: `/v1/update-contact/${guestId(2)}`,
					body: {
						company_id: COPPER,
						name: 'Guest Two',
						phone: '+14155551002',
						custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '8' }],
					},
					headers: auth,
				},
				create({
					company_id: COPPER,
					contact_name: 'Omar New',
					contact_email: 'omar@example.com',
					custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '1' }],
				}),
			],
			expectedOutput: [
				{
					json: {
						...publicGuest(1, {
							name: 'Guest One Renamed',
							email: 'one@example.com',
							updated_at: '<iso-date>',
						}),
						custom_fields: [
							{ cf_name: 'Favourite Drink', cf_value: 'Latte' },
							{ cf_name: 'Visits', cf_value: '3' },
						],
						appliedTags: [],
						outcome: 'updated',
					},
					pairedItem: 0,
				},
				{
					json: contact(
						'Nina New',
						'+14155550900',
						'nina@example.com',
						[{ cf_name: 'Visits', cf_value: '1' }],
						{ appliedTags: [], outcome: 'created' },
					),
					pairedItem: 1,
				},
				{
					json: {
						...publicGuest(2, { name: 'Guest Two', updated_at: '<iso-date>' }),
						// The stored email stays: the item gave none.
						custom_fields: [
							{ cf_name: 'Favourite Drink', cf_value: 'Tea' },
							{ cf_name: 'Visits', cf_value: '8' },
						],
						appliedTags: [],
						outcome: 'updated',
					},
					pairedItem: 2,
				},
				{
					json: contact(
						'Omar New',
						null,
						'omar@example.com',
						[{ cf_name: 'Visits', cf_value: '1' }],
						{ appliedTags: [], outcome: 'created' },
					),
					pairedItem: 3,
				},
			],
		},
		{
			id: 'e2eSalesCaptWf06',
			name: 'SalesCaptain: update contacts, with bad input refused before sending',
			continueOnFail: true,
			// Guest 3 gets a visit count (a number field) and loses the email; its name, phone and
			// favourite drink stay. Then: an empty update, a malformed email, a count that is no
			// number, and an unknown contact. Only the first and the last reach SalesCaptain.
			items: [
				{ id: guestId(3), visits: '12', clear: ['email'] },
				{ id: guestId(4) },
				{ id: guestId(4), email: 'guest4@' },
				{ id: guestId(4), visits: 'many' },
				{ id: UNKNOWN_CONTACT, name: 'Nobody' },
			],
			parameters: {
				resource: 'contact',
				operation: 'update',
				company: COPPER,
				contact: byId('={{ $json.id }}'),
				fullName: "={{ $json.name ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				customFields: {
					field: [{ key: SC_COPPER.visits, value: "={{ $json.visits ?? '' }}" }],
				},
				options: { clearFields: '={{ $json.clear ?? [] }}', maxConcurrency: 1 },
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/list-custom-fields/${COPPER}`, headers: auth },
				{
					method: 'PUT',
					path: `/v1/update-contact/${guestId(3)}`,
					body: {
						company_id: COPPER,
						email: '',
						custom_fields: [{ cf_id: SC_COPPER.visits, cf_value: '12' }],
					},
					headers: auth,
				},
				{
					method: 'PUT',
					path: `/v1/update-contact/${UNKNOWN_CONTACT}`,
					body: { company_id: COPPER, name: 'Nobody' },
					headers: auth,
				},
			],
			expectedOutput: [
				{
					json: {
						...publicGuest(3, { email: null, updated_at: '<iso-date>' }),
						custom_fields: [
							{ cf_name: 'Favourite Drink', cf_value: 'Latte' },
							{ cf_name: 'Visits', cf_value: '12' },
						],
					},
					pairedItem: 0,
				},
				{
					json: {
						message: 'Nothing to update: every field is empty [item 1]',
						error: {
							message: 'Nothing to update: every field is empty [item 1]',
							description: '<any>',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'Email "guest4@" is not a valid email address [item 2]',
						error: {
							message: 'Email "guest4@" is not a valid email address [item 2]',
							description: 'Use the form name@example.com.',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message: 'Custom field "Visits" is a number field, but "many" is not a number [item 3]',
						error: {
							message:
								'Custom field "Visits" is a number field, but "many" is not a number [item 3]',
							description:
								'Use digits with a dot for decimals, for example 42 or 1499.90 (no thousands separators, no decimal comma).',
						},
					},
					pairedItem: 3,
				},
				{ json: notFound(UNKNOWN_CONTACT, 4), pairedItem: 4 },
			],
		},
		{
			id: 'e2eSalesCaptWf07',
			name: 'SalesCaptain: get contacts by ID',
			continueOnFail: true,
			// Get guest 10 (tagged Regular) by ID; an unknown ID answers 404, named in the error.
			items: [{ id: guestId(10) }, { id: UNKNOWN_CONTACT }],
			parameters: {
				resource: 'contact',
				operation: 'get',
				company: COPPER,
				contact: byId('={{ $json.id }}'),
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/fetch-contact/${guestId(10)}`, headers: auth },
				{ method: 'GET', path: `/v1/fetch-contact/${UNKNOWN_CONTACT}`, headers: auth },
			],
			expectedOutput: [
				{ json: guest(10), pairedItem: 0 },
				{ json: notFound(UNKNOWN_CONTACT, 1), pairedItem: 1 },
			],
		},
		{
			id: 'e2eSalesCaptWf08',
			name: 'SalesCaptain: delete contacts',
			continueOnFail: true,
			items: [{ id: guestId(11) }, { id: UNKNOWN_CONTACT }, { id: 'not-a-contact-id' }],
			parameters: {
				resource: 'contact',
				operation: 'delete',
				company: COPPER,
				contact: byId('={{ $json.id }}'),
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				{ method: 'DELETE', path: `/v1/delete-contact/${COPPER}/${guestId(11)}`, headers: auth },
				{
					method: 'DELETE',
					path: `/v1/delete-contact/${COPPER}/${UNKNOWN_CONTACT}`,
					headers: auth,
				},
			],
			expectedOutput: [
				{ json: { deleted: true }, pairedItem: 0 },
				{ json: notFound(UNKNOWN_CONTACT, 1), pairedItem: 1 },
				{
					json: {
						message:
							'Contact "not-a-contact-id" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 2]',
						error: {
							message:
								'Contact "not-a-contact-id" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 2]',
						},
					},
					pairedItem: 2,
				},
			],
		},
		{
			id: 'e2eSalesCaptWf09',
			name: 'SalesCaptain: add tags by name (example)',
			example: true,
			continueOnFail: true,
			// Tags given by name, in any case, from the incoming items: resolved against the company's
			// tags (read once). Guest 5 is a Regular already, which counts as added. A name the
			// company does not have fails that item before any tag request.
			items: [
				{ id: guestId(6), tags: 'regular, LOYALTY CARD' },
				{ id: guestId(5), tags: 'Loyalty Card, Regular' },
				{ id: guestId(7), tags: 'Gold' },
			],
			parameters: {
				resource: 'tag',
				operation: 'add',
				company: COPPER,
				contact: byId('={{ $json.id }}'),
				tags: '={{ $json.tags }}',
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/list-tags/${COPPER}`, headers: auth },
				...[
					[6, SC_COPPER.regularTag],
					[6, SC_COPPER.loyaltyCardTag],
					[5, SC_COPPER.loyaltyCardTag],
					[5, SC_COPPER.regularTag],
				].map(([n, tagId]) => ({
					method: 'POST',
					path: `/v1/add-tag-to-contact/${COPPER}`,
					body: { contact_id: guestId(Number(n)), tag_id: tagId },
					headers: auth,
				})),
			],
			expectedOutput: [
				{
					json: {
						contactId: guestId(6),
						appliedTags: [SC_COPPER.regularTag, SC_COPPER.loyaltyCardTag],
					},
					pairedItem: 0,
				},
				{
					json: {
						contactId: guestId(5),
						appliedTags: [SC_COPPER.loyaltyCardTag, SC_COPPER.regularTag],
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'Tag "Gold" is not a tag of this company [item 2]',
						error: {
							message: 'Tag "Gold" is not a tag of this company [item 2]',
							description:
								"The company's tags are: Regular, Loyalty Card. Give one of these names or its ID.",
						},
					},
					pairedItem: 2,
				},
			],
		},
		{
			id: 'e2eSalesCaptWf10',
			name: 'SalesCaptain: remove tags',
			// Guest 15 is tagged Regular: removed by the ID picked in the dropdown.
			items: [{ id: guestId(15) }],
			parameters: {
				resource: 'tag',
				operation: 'remove',
				company: COPPER,
				contact: byId('={{ $json.id }}'),
				tags: [SC_COPPER.regularTag],
			},
			expectedRequests: [
				{ method: 'GET', path: `/v1/list-tags/${COPPER}`, headers: auth },
				{
					method: 'DELETE',
					path: `/v1/remove-tag-from-contact/${COPPER}`,
					body: { contact_id: guestId(15), tag_id: SC_COPPER.regularTag },
					headers: auth,
				},
			],
			expectedOutput: [
				{ json: { contactId: guestId(15), removedTags: [SC_COPPER.regularTag] }, pairedItem: 0 },
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
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'contact', operation: 'get', company: COPPER },
			filter: 'Guest 12',
			expected: Array.from({ length: 10 }, (_, index) => ({
				name: `Guest 12${index} (+1415555112${index})`,
				value: guestId(120 + index),
			})),
			expectedRequests: [
				{
					method: 'GET',
					path: `/v1/list-contacts/${COPPER}`,
					query: { page_number: '1', items_per_page: '100', search_key: 'Guest 12' },
					headers: auth,
				},
			],
		},
		{
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'tag', operation: 'add', company: COPPER },
			paginationToken: '2',
			expected: Array.from({ length: 100 }, (_, index) => ({
				name: `Guest ${101 + index} (+1415555${1101 + index})`,
				value: guestId(101 + index),
			})),
			expectedPaginationToken: '3',
			expectedRequests: [
				{
					method: 'GET',
					path: `/v1/list-contacts/${COPPER}`,
					query: { page_number: '2', items_per_page: '100' },
					headers: auth,
				},
			],
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
