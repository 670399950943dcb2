/**
 * Contactship in the real n8n: the sandbox's seed data (test/sandbox/vendors/contactship.ts)
 * is the truth every expectation below is written against.
 */
import {
	CONTACTSHIP_API_KEY,
	CONTACTSHIP_ORGANIZATION_ID,
	CS_SEED_TAGS,
} from '../../sandbox/vendors/contactship';
import type { E2eVendor, ExpectedRequest } from '../lib/vendor';
import { contactshipCallDropdowns, contactshipCallWorkflows } from './contactshipCalls';

const tagId = (name: string) => CS_SEED_TAGS.find((tag) => tag.name === name)!.id;
const HOT_LEAD = tagId('hot-lead');
const VIP = tagId('vip');
/** No such tag in the organisation: Contactship answers 404 when it is added. */
const MISSING_TAG = '5e1f0000-0000-4000-8000-000000000099';

/** Every request must carry the key, as the credential's `authenticate` block says. */
const auth = { 'x-api-key': CONTACTSHIP_API_KEY };

const create = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/v1/contacts',
	body,
	headers: auth,
});
/** The contact's id is the one Contactship just made. */
const addTag = (tag: string): ExpectedRequest => ({
	method: 'POST',
	path: `/v1/contacts/<uuid>/tags/${tag}`,
	headers: auth,
});

/** Tag → Add / Remove by name read the tag list first (one page of 100 holds them all). */
const listTags: ExpectedRequest = {
	method: 'GET',
	path: '/v1/tags',
	query: { limit: '100', offset: '0', order: 'asc' },
	headers: auth,
};
const removeTag = (tag: string): ExpectedRequest => ({
	method: 'DELETE',
	path: `/v1/contacts/<uuid>/tags/${tag}`,
	headers: auth,
});
/** Get Many: the documented filters only, no paging (Contactship documents none). */
const listContacts = (query: Record<string, string>): ExpectedRequest => ({
	method: 'GET',
	path: '/v1/contacts',
	query,
	headers: auth,
});
const LIST = {
	ada: { phone_number: '+442079460018', full_name: 'Ada Lovelace', email: 'ada@example.com' },
	grace: { phone_number: '+12125550142', full_name: 'Grace Hopper', email: 'grace@navy.example' },
	linus: { phone_number: '+358401234567', full_name: 'Linus Torvalds', email: 'linus@example.com' },
};

const contact = (fields: {
	phone_number: string;
	full_name: string;
	country?: string;
	email?: string;
	description?: string;
	additional_data?: object[];
}) => ({
	id: '<uuid>',
	created_at: '<iso-date>',
	phone_number: fields.phone_number,
	full_name: fields.full_name,
	country: fields.country ?? null,
	email: fields.email ?? null,
	description: fields.description ?? null,
	additional_data: fields.additional_data ?? [],
	organization_id: CONTACTSHIP_ORGANIZATION_ID,
});

const DESCRIPTION = 'Imported by n8n';
const ADA = {
	phone_number: '+442079460018',
	full_name: 'Ada Lovelace',
	country: 'United Kingdom',
	email: 'ada@example.com',
	description: DESCRIPTION,
	additional_data: [
		{ type: 'date', field: 'first_call', value: '2025-03-14' },
		{ type: 'number', field: 'lead_score', value: '87.5' },
		{ type: 'location', field: 'office', value: '12 St James Square, London' },
		{ type: 'text', field: 'source', value: 'n8n' },
	],
};
const GRACE = {
	phone_number: '+12125550142',
	full_name: 'Grace Hopper',
	description: DESCRIPTION,
	additional_data: [
		{ type: 'number', field: 'lead_score', value: '64' },
		{ type: 'text', field: 'source', value: 'n8n' },
	],
};

export const contactshipE2e: E2eVendor = {
	displayName: 'Contactship',
	sandboxVendor: 'contactship',
	nodeName: 'contactship',
	nodeVersion: 1,
	triggers: ['contactshipTrigger'],
	credential: {
		id: 'e2eContactship01',
		name: 'Contactship (sandbox)',
		type: 'contactshipApi',
		data: (baseUrl) => ({ apiKey: CONTACTSHIP_API_KEY, baseUrl }),
		badData: (baseUrl) => ({ apiKey: 'cs-revoked-key-0000', baseUrl }),
		// n8n reports the status text of a refused credential test, not Contactship's message.
		badMessage: /Unauthorized/,
		badDropdownMessage: 'Contactship answered 401: Invalid or missing API key',
	},

	workflows: [
		{
			id: 'e2eContactshWf01',
			name: 'Contactship: create contacts (example)',
			example: true,
			// Two new contacts, with data rows of every type (empty ones left out) and two tags
			// added after the create; the third repeats the first's phone in another format, so
			// Contactship answers 409 and "Return Existing" looks the contact up by phone.
			items: [
				{
					name: 'Ada Lovelace',
					phone: '+44 20 7946 0018',
					email: 'ada@example.com',
					country: 'United Kingdom',
					firstCall: '2025-03-14',
					score: '87.5',
					office: '12 St James Square, London',
				},
				{ name: 'Grace Hopper', phone: '001 (212) 555-0142', score: '64' },
				{ name: 'Ada L.', phone: '+44-20-7946-0018' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: "={{ $json.email ?? '' }}",
				country: "={{ $json.country ?? '' }}",
				description: DESCRIPTION,
				tags: [HOT_LEAD, VIP],
				customFields: {
					field: [
						{ type: 'date', key: 'first_call', value: "={{ $json.firstCall ?? '' }}" },
						{ type: 'number', key: 'lead_score', value: "={{ $json.score ?? '' }}" },
						{ type: 'location', key: 'office', value: "={{ $json.office ?? '' }}" },
						{ type: 'text', key: 'source', value: 'n8n' },
					],
				},
				// One at a time, so the sandbox sees the requests in a fixed order.
				options: { ifContactExists: 'returnExisting', maxConcurrency: 1 },
			},
			expectedRequests: [
				create(ADA),
				addTag(HOT_LEAD),
				addTag(VIP),
				create(GRACE),
				addTag(HOT_LEAD),
				addTag(VIP),
				create({
					phone_number: '+442079460018',
					full_name: 'Ada L.',
					description: DESCRIPTION,
					additional_data: [{ type: 'text', field: 'source', value: 'n8n' }],
				}),
				{
					method: 'GET',
					path: '/v1/contacts/%2B442079460018',
					query: { identifierType: 'phone_number' },
					headers: auth,
				},
				// The existing contact already has both tags: Contactship answers 409, the node counts them as applied.
				addTag(HOT_LEAD),
				addTag(VIP),
			],
			expectedOutput: [
				{
					json: { ...contact(ADA), appliedTags: [HOT_LEAD, VIP], outcome: 'created' },
					pairedItem: 0,
				},
				{
					json: { ...contact(GRACE), appliedTags: [HOT_LEAD, VIP], outcome: 'created' },
					pairedItem: 1,
				},
				{
					json: { ...contact(ADA), appliedTags: [HOT_LEAD, VIP], outcome: 'existing' },
					pairedItem: 2,
				},
			],
		},
		{
			id: 'e2eContactshWf02',
			name: 'Contactship: continue on fail with good and bad items',
			continueOnFail: true,
			// Good; a local number and a number field that is not a number (both refused before
			// sending); a duplicate phone (409, "Fail" is the default); a tag Contactship does not
			// know (404 after the contact was made: the output keeps the contact's id); good.
			items: [
				{ name: 'Linus Torvalds', phone: '+358 40 123 4567', tags: [HOT_LEAD] },
				{ name: 'Local Number', phone: '030 1234567' },
				{ name: 'Bad Score', phone: '+49 30 1234567', score: 'forty-two' },
				{ name: 'Linus again', phone: '+358401234567' },
				{ name: 'Unknown Tag', phone: '+1 650 555 0199', tags: [HOT_LEAD, MISSING_TAG] },
				{
					name: 'Margaret Hamilton',
					phone: '+1 617 555 0123',
					email: 'margaret@example.com',
					score: '99',
				},
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: "={{ $json.email ?? '' }}",
				tags: '={{ $json.tags ?? [] }}',
				customFields: {
					field: [{ type: 'number', key: 'lead_score', value: "={{ $json.score ?? '' }}" }],
				},
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				create({ phone_number: '+358401234567', full_name: 'Linus Torvalds' }),
				addTag(HOT_LEAD),
				create({ phone_number: '+358401234567', full_name: 'Linus again' }),
				create({ phone_number: '+16505550199', full_name: 'Unknown Tag' }),
				addTag(HOT_LEAD),
				addTag(MISSING_TAG),
				create({
					phone_number: '+16175550123',
					full_name: 'Margaret Hamilton',
					email: 'margaret@example.com',
					additional_data: [{ type: 'number', field: 'lead_score', value: '99' }],
				}),
			],
			expectedOutput: [
				{
					json: {
						...contact({ phone_number: '+358401234567', full_name: 'Linus Torvalds' }),
						appliedTags: [HOT_LEAD],
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						message: 'Phone Number "030 1234567" has no country code [item 1]',
						error: {
							message: 'Phone Number "030 1234567" has no country code [item 1]',
							description:
								'Write it with its country code (+1 415 555 2671 or 001 415 555 2671), or set Options → Default Country to the country your numbers are from.',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message:
							'Additional data "lead_score" is a number field, but "forty-two" is not a number [item 2]',
						error: {
							message:
								'Additional data "lead_score" is a number field, but "forty-two" is not a number [item 2]',
							description:
								'Use digits with a dot for decimals, for example 42 or 1499.90 (no thousands separators, no decimal comma).',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message:
							'Contactship answered 409: Contact with this phone number already exists [item 3]',
						error: {
							message:
								'Contactship answered 409: Contact with this phone number already exists [item 3]',
							httpCode: '409',
							description:
								'A record with these details already exists. Set "If Contact Exists" to "Return Existing" to output it instead. (POST /v1/contacts)',
						},
					},
					pairedItem: 3,
				},
				{
					json: {
						// "Contact <the new id> is saved in Contactship, but tag … could not be added: Contactship answered 404: Tag not found [item 4]"
						message: '<any>',
						error: {
							message: '<any>',
							httpCode: '404',
							description:
								'The contact exists. Add the remaining tags in Contactship, or run this item again with "If Contact Exists" set to "Return Existing".',
							contactId: '<uuid>',
							appliedTags: [HOT_LEAD],
						},
					},
					pairedItem: 4,
				},
				{
					json: {
						...contact({
							phone_number: '+16175550123',
							full_name: 'Margaret Hamilton',
							email: 'margaret@example.com',
							additional_data: [{ type: 'number', field: 'lead_score', value: '99' }],
						}),
						appliedTags: [],
						outcome: 'created',
					},
					pairedItem: 5,
				},
			],
		},
		{
			id: 'e2eContactshWf03',
			example: true,
			name: 'Contactship: create or update contacts (If Contact Exists → Update Existing)',
			// Two new contacts; the third has the first one's phone number: Contactship answers 409,
			// the node finds the contact by phone and updates it. Its stored data field `source` is
			// kept (Contactship replaces additional_data wholesale, so the node sends it back merged).
			items: [
				{ name: 'Ada Lovelace', phone: '+44 20 7946 0018', score: '87.5', source: 'webinar' },
				{ name: 'Grace Hopper', phone: '+1 212 555 0142', score: '64' },
				{ name: 'Ada King', phone: '+442079460018', email: 'ada@example.com', score: '90' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: "={{ $json.email ?? '' }}",
				customFields: {
					field: [
						{ type: 'number', key: 'lead_score', value: "={{ $json.score ?? '' }}" },
						{ type: 'text', key: 'source', value: "={{ $json.source ?? '' }}" },
					],
				},
				options: { ifContactExists: 'updateExisting', maxConcurrency: 1 },
			},
			expectedRequests: [
				create({
					phone_number: '+442079460018',
					full_name: 'Ada Lovelace',
					additional_data: [
						{ type: 'number', field: 'lead_score', value: '87.5' },
						{ type: 'text', field: 'source', value: 'webinar' },
					],
				}),
				create({
					phone_number: '+12125550142',
					full_name: 'Grace Hopper',
					additional_data: [{ type: 'number', field: 'lead_score', value: '64' }],
				}),
				create({
					phone_number: '+442079460018',
					full_name: 'Ada King',
					email: 'ada@example.com',
					additional_data: [{ type: 'number', field: 'lead_score', value: '90' }],
				}),
				{
					method: 'GET',
					path: '/v1/contacts/%2B442079460018',
					query: { identifierType: 'phone_number' },
					headers: auth,
				},
				{
					method: 'PATCH',
					path: '/v1/contacts/<uuid>',
					headers: auth,
					body: {
						full_name: 'Ada King',
						email: 'ada@example.com',
						additional_data: [
							{ type: 'number', field: 'lead_score', value: '90' },
							{ type: 'text', field: 'source', value: 'webinar' },
						],
					},
				},
			],
			expectedOutput: [
				{
					json: {
						...contact({
							phone_number: '+442079460018',
							full_name: 'Ada Lovelace',
							additional_data: [
								{ type: 'number', field: 'lead_score', value: '87.5' },
								{ type: 'text', field: 'source', value: 'webinar' },
							],
						}),
						appliedTags: [],
						outcome: 'created',
					},
					pairedItem: 0,
				},
				{
					json: {
						...contact({
							phone_number: '+12125550142',
							full_name: 'Grace Hopper',
							additional_data: [{ type: 'number', field: 'lead_score', value: '64' }],
						}),
						appliedTags: [],
						outcome: 'created',
					},
					pairedItem: 1,
				},
				{
					json: {
						...contact({
							phone_number: '+442079460018',
							full_name: 'Ada King',
							email: 'ada@example.com',
							additional_data: [
								{ type: 'number', field: 'lead_score', value: '90' },
								{ type: 'text', field: 'source', value: 'webinar' },
							],
						}),
						appliedTags: [],
						outcome: 'updated',
					},
					pairedItem: 2,
				},
			],
		},
		{
			id: 'e2eContactshWf04',
			example: true,
			name: 'Contactship: update, tag by name, untag, get and delete contacts',
			// Create → Update (a data field merged into the stored ones) → Tag → Add by name and
			// label → Tag → Remove by name → Get by ID → Delete by email.
			items: [
				{ name: 'Ada Lovelace', phone: '+442079460018', email: 'ada@example.com' },
				{ name: 'Grace Hopper', phone: '+12125550142', email: 'grace@navy.example' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: '={{ $json.email }}',
				customFields: { field: [{ type: 'text', key: 'source', value: 'n8n' }] },
				options: { maxConcurrency: 1 },
			},
			then: [
				{
					name: 'Update',
					parameters: {
						resource: 'contact',
						operation: 'update',
						contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						description: 'Called back',
						customFields: { field: [{ type: 'number', key: 'lead_score', value: '50' }] },
						options: { maxConcurrency: 1 },
					},
				},
				{
					name: 'Add Tags',
					parameters: {
						resource: 'tag',
						operation: 'add',
						contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						tags: "={{ ['vip', 'Hot Lead'] }}",
						options: { maxConcurrency: 1 },
					},
				},
				{
					name: 'Remove Tags',
					parameters: {
						resource: 'tag',
						operation: 'remove',
						contact: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
						tags: "={{ ['VIP'] }}",
						options: { maxConcurrency: 1 },
					},
				},
				{
					name: 'Get',
					parameters: {
						resource: 'contact',
						operation: 'get',
						contact: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
						options: { maxConcurrency: 1 },
					},
				},
				{
					name: 'Delete',
					parameters: {
						resource: 'contact',
						operation: 'delete',
						contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
						options: { maxConcurrency: 1 },
					},
				},
			],
			expectedRequests: [
				create({
					phone_number: '+442079460018',
					full_name: 'Ada Lovelace',
					email: 'ada@example.com',
					additional_data: [{ type: 'text', field: 'source', value: 'n8n' }],
				}),
				create({
					phone_number: '+12125550142',
					full_name: 'Grace Hopper',
					email: 'grace@navy.example',
					additional_data: [{ type: 'text', field: 'source', value: 'n8n' }],
				}),
				...[0, 1].flatMap((): ExpectedRequest[] => [
					{ method: 'GET', path: '/v1/contacts/<uuid>', query: { identifierType: 'id' } },
					{
						method: 'PATCH',
						path: '/v1/contacts/<uuid>',
						headers: auth,
						body: {
							description: 'Called back',
							additional_data: [
								{ type: 'text', field: 'source', value: 'n8n' },
								{ type: 'number', field: 'lead_score', value: '50' },
							],
						},
					},
				]),
				listTags,
				addTag(VIP),
				addTag(HOT_LEAD),
				addTag(VIP),
				addTag(HOT_LEAD),
				listTags,
				removeTag(VIP),
				removeTag(VIP),
				{ method: 'GET', path: '/v1/contacts/<uuid>', query: { identifierType: 'id' } },
				{ method: 'GET', path: '/v1/contacts/<uuid>', query: { identifierType: 'id' } },
				{
					method: 'GET',
					path: '/v1/contacts/ada%40example.com',
					query: { identifierType: 'email' },
				},
				{ method: 'DELETE', path: '/v1/contacts/<uuid>', headers: auth },
				{
					method: 'GET',
					path: '/v1/contacts/grace%40navy.example',
					query: { identifierType: 'email' },
				},
				{ method: 'DELETE', path: '/v1/contacts/<uuid>', headers: auth },
			],
			expectedOutput: [
				{ json: { deleted: true }, pairedItem: 0 },
				{ json: { deleted: true }, pairedItem: 1 },
			],
		},
		{
			id: 'e2eContactshWf05',
			example: true,
			name: 'Contactship: get many contacts',
			manyPerItem: true,
			// Three new contacts, then for each one Get Many by the domain of its email (a partial
			// match): example.com finds two contacts, navy.example one. Limit 5, so all are kept.
			items: [
				{ name: 'Ada Lovelace', phone: '+442079460018', email: 'ada@example.com' },
				{ name: 'Grace Hopper', phone: '+12125550142', email: 'grace@navy.example' },
				{ name: 'Linus Torvalds', phone: '+358401234567', email: 'linus@example.com' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				email: '={{ $json.email }}',
				options: { maxConcurrency: 1 },
			},
			then: [
				{
					name: 'Get Many',
					parameters: {
						resource: 'contact',
						operation: 'getAll',
						limit: 5,
						filters: { email: "={{ $json.email.split('@')[1] }}" },
						options: { maxConcurrency: 1 },
					},
				},
			],
			expectedRequests: [
				create({
					phone_number: '+442079460018',
					full_name: 'Ada Lovelace',
					email: 'ada@example.com',
				}),
				create({
					phone_number: '+12125550142',
					full_name: 'Grace Hopper',
					email: 'grace@navy.example',
				}),
				create({
					phone_number: '+358401234567',
					full_name: 'Linus Torvalds',
					email: 'linus@example.com',
				}),
				listContacts({ email: 'example.com' }),
				listContacts({ email: 'navy.example' }),
				listContacts({ email: 'example.com' }),
			],
			expectedOutput: [
				{ json: contact({ ...LIST.ada }), pairedItem: 0 },
				{ json: contact({ ...LIST.linus }), pairedItem: 0 },
				{ json: contact({ ...LIST.grace }), pairedItem: 1 },
				{ json: contact({ ...LIST.ada }), pairedItem: 2 },
				{ json: contact({ ...LIST.linus }), pairedItem: 2 },
			],
		},
		{
			id: 'e2eContactshWf06',
			name: 'Contactship: delete with an unknown and a malformed email (error output)',
			errorOutput: true,
			// Nobody has the first email: Contactship answers 404, named in the error; the second is
			// refused before anything is sent.
			items: [{ email: 'nobody@example.com' }, { email: 'ada@' }],
			parameters: {
				resource: 'contact',
				operation: 'delete',
				contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				{
					method: 'GET',
					path: '/v1/contacts/nobody%40example.com',
					query: { identifierType: 'email' },
					headers: auth,
				},
			],
			expectedOutput: [],
			expectedErrorOutput: [
				{
					json: {
						email: 'nobody@example.com',
						message:
							'Contactship has no contact with email nobody@example.com (Contact not found) [item 0]',
						error: {
							message:
								'Contactship has no contact with email nobody@example.com (Contact not found) [item 0]',
							httpCode: '404',
							description:
								'Check the contact in Contactship, or pick it from the list: it may have been deleted. Nothing was changed.',
						},
					},
					pairedItem: 0,
				},
				{
					json: {
						email: 'ada@',
						message: 'Email "ada@" is not a valid email address [item 1]',
						error: {
							message: 'Email "ada@" is not a valid email address [item 1]',
							description: '<any>',
						},
					},
					pairedItem: 1,
				},
			],
		},
		...contactshipCallWorkflows,
	],

	dropdowns: [
		{
			// Every tag in one page of 100 (Contactship's default page is 5), oldest first;
			// shown by label, or by name when a tag has none, sorted.
			openedInEditor: true,
			methodName: 'getTags',
			parameterPath: 'tags',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: [
				{ name: 'Churn Risk', value: tagId('churn-risk') },
				{ name: 'Customer', value: tagId('customer') },
				{ name: 'Do Not Call', value: tagId('do-not-call') },
				{ name: 'Español', value: tagId('spanish') },
				{ name: 'Event Lead', value: tagId('event-lead') },
				{ name: 'Hot Lead', value: HOT_LEAD },
				{ name: 'newsletter', value: tagId('newsletter') },
				{ name: 'Partner', value: tagId('partner') },
				{ name: 'Referral', value: tagId('referral') },
				{ name: 'trial', value: tagId('trial') },
				{ name: 'VIP', value: VIP },
				{ name: 'Webinar 2025', value: tagId('webinar-2025') },
			],
			expectedRequests: [
				{
					method: 'GET',
					path: '/v1/tags',
					query: { limit: '100', offset: '0', order: 'asc' },
					headers: auth,
				},
			],
		},
		{
			// The contact picker (a resource locator's "From List"): what is typed is searched as a
			// name, an email or a phone number. The sandbox starts with no contacts: an empty page.
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'contact', operation: 'get' },
			filter: '+44 20',
			expected: [],
			expectedRequests: [
				{ method: 'GET', path: '/v1/contacts', query: { phone_number: '+4420' }, headers: auth },
			],
		},
		...contactshipCallDropdowns,
	],
};
