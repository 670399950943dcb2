/**
 * Wipsy CRM in the real n8n: the sandbox's seed data (test/sandbox/vendors/wipsy.ts) is the
 * truth every expectation below is written against.
 *
 * Wipsy lists no stages, tags or custom fields: the node reads them from the contacts of
 * one `GET /api-get-contacts?limit=500`, once per run (to check custom-field values against
 * their types) and once per dropdown call.
 */
import {
	seedEmail,
	seedPhone,
	WIPSY_API_KEY,
	WIPSY_FIELDS,
	WIPSY_SEED_CONTACTS,
	WIPSY_STAGES,
	WIPSY_TAGS,
	WIPSY_USER_ID,
} from '../../sandbox/vendors/wipsy';
import type { E2eVendor, ExpectedRequest } from '../lib/vendor';

type Stage = (typeof WIPSY_STAGES)[keyof typeof WIPSY_STAGES];
type Tag = (typeof WIPSY_TAGS)[keyof typeof WIPSY_TAGS];
type Field = (typeof WIPSY_FIELDS)[keyof typeof WIPSY_FIELDS];

const {
	industry: INDUSTRY,
	budget: BUDGET,
	birthday: BIRTHDAY,
	plan: PLAN,
	workEmail: WORK_EMAIL,
	mobile: MOBILE,
} = WIPSY_FIELDS;
/** A stage ID in the right form that Wipsy does not know. */
const UNKNOWN_STAGE = '5a000000-0000-4000-8000-0000000000ff';

/** Every request must carry the credential's key, as the credential's `authenticate` block says. */
const auth = { 'x-api-key': WIPSY_API_KEY };

const create = (body: object): ExpectedRequest => ({
	method: 'POST',
	path: '/api-create-contact',
	body,
	headers: auth,
});
/** The one list call Wipsy has: custom-field definitions, dropdowns and "Return Existing" all read it. */
const listContacts: ExpectedRequest = {
	method: 'GET',
	path: '/api-get-contacts',
	query: { limit: '500' },
	headers: auth,
};

/** The n-th contact created in a run gets this ID from the sandbox (after the 520 seeded ones). */
const createdId = (n: number) =>
	`c1000000-0000-4000-8000-${String(WIPSY_SEED_CONTACTS + n).padStart(12, '0')}`;

/** A custom field as Wipsy embeds it in a contact: the value and the field's definition. */
const fieldValue = (contactId: string, field: Field, value: string) => {
	const { id, ...definition } = field;
	return { customer_id: contactId, field_id: id, field_value: value, field: definition };
};

/** A contact as Wipsy returns it (`data` of the 201), with the node's `outcome`. */
const contact = (
	id: string,
	fields: {
		name: string;
		phone?: string;
		email?: string;
		stage?: Stage;
		tags?: Tag[];
		customFields?: object[];
		[key: string]: unknown;
	},
	outcome: 'created' | 'existing',
) => {
	const { name, phone, email, stage, tags, customFields, ...text } = fields;
	return {
		id,
		user_id: WIPSY_USER_ID,
		name,
		last_name: null,
		phone: phone ?? null,
		whatsapp_id: phone ?? null,
		email: email ?? null,
		profile_picture_url: null,
		pipeline_stage_id: stage?.id ?? null,
		address: null,
		city: null,
		province: null,
		company: null,
		notes: null,
		...text,
		created_at: '<iso-date>',
		pipeline_stage: stage ?? null,
		tags: tags ?? [],
		custom_fields: customFields ?? [],
		outcome,
	};
};

const ada = (outcome: 'created' | 'existing') =>
	contact(
		createdId(0),
		{
			name: 'Ada',
			last_name: 'Lovelace',
			phone: '+14155550101',
			email: 'ada@example.com',
			company: 'Analytical Engines Ltd',
			city: 'London',
			notes: 'Met at the n8n meetup',
			stage: WIPSY_STAGES.qualified,
			tags: [WIPSY_TAGS.vip, WIPSY_TAGS.newsletter],
			customFields: [
				fieldValue(createdId(0), INDUSTRY, 'Computing'),
				fieldValue(createdId(0), BUDGET, '1250.50'),
				fieldValue(createdId(0), BIRTHDAY, '1815-12-10'),
				fieldValue(createdId(0), PLAN, 'Gold'),
				fieldValue(createdId(0), WORK_EMAIL, 'ada@engines.example.com'),
				fieldValue(createdId(0), MOBILE, '+442079460958'),
			],
		},
		outcome,
	);

/** Seeded contact n (0 = oldest) as Wipsy lists it, with what it embeds. */
const seededId = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const seeded = (
	n: number,
	embedded: { stage?: Stage; tags?: Tag[]; customFields?: object[] } = {},
) => ({
	id: seededId(n),
	user_id: WIPSY_USER_ID,
	name: `Contact ${n}`,
	last_name: null,
	phone: seedPhone(n),
	whatsapp_id: seedPhone(n),
	email: seedEmail(n),
	profile_picture_url: null,
	pipeline_stage_id: embedded.stage?.id ?? null,
	address: null,
	city: null,
	province: null,
	company: null,
	notes: null,
	created_at: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
	pipeline_stage: embedded.stage ?? null,
	tags: embedded.tags ?? [],
	custom_fields: embedded.customFields ?? [],
});
const UNKNOWN_CONTACT = 'c0000000-0000-4000-8000-999999999999';

/**
 * The field dropdown describes each field by what it accepts. A separate constant because
 * `E2eDropdown.expected` names only `name` and `value` (a literal there could not carry
 * `description`); the suite compares the whole option, description included.
 */
const fieldOptions = [
	{ name: 'Industry', value: INDUSTRY.id, description: 'text' },
	{ name: 'Budget', value: BUDGET.id, description: 'number' },
	{ name: 'Birthday', value: BIRTHDAY.id, description: 'date, YYYY-MM-DD' },
	{ name: 'Plan', value: PLAN.id, description: 'select: Bronze, Silver, Gold' },
	{ name: 'Work Email', value: WORK_EMAIL.id, description: 'email' },
	{ name: 'Mobile', value: MOBILE.id, description: 'phone' },
];

export const wipsyE2e: E2eVendor = {
	displayName: 'Wipsy',
	sandboxVendor: 'wipsy',
	nodeName: 'wipsy',
	nodeVersion: 1,
	credential: {
		id: 'e2eWipsyCred0001',
		name: 'Wipsy (sandbox)',
		type: 'wipsyApi',
		data: (baseUrl) => ({ apiKey: WIPSY_API_KEY, baseUrl }),
		badData: (baseUrl) => ({ apiKey: 'wipsy-revoked-key-000000', baseUrl }),
		// Wipsy answers 401 `{error: "Invalid API key"}`; n8n's credential test reports the status text.
		badMessage: /^Unauthorized$/,
		badDropdownMessage: 'Wipsy answered 401: Invalid API key',
	},

	workflows: [
		{
			id: 'e2eWipsyWf000001',
			name: 'Wipsy: create contacts (example)',
			example: true,
			// Two new contacts in the "Qualified" stage with two tags, typed custom fields and
			// additional fields; the third repeats the first's phone, so Wipsy answers 409 and
			// "Return Existing" finds the contact among the listed ones.
			items: [
				{
					firstName: 'Ada',
					lastName: 'Lovelace',
					phone: '+1 (415) 555-0101',
					email: 'ada@example.com',
					company: 'Analytical Engines Ltd',
					city: 'London',
					notes: 'Met at the n8n meetup',
					industry: 'Computing',
					budget: '1250.50',
					birthday: '1815-12-10T00:00:00Z',
					plan: 'gold',
					workEmail: 'ada@engines.example.com',
					mobile: '+44 20 7946 0958',
				},
				{
					firstName: 'Grace',
					phone: '0044 20 7946 0000',
					email: 'grace@example.com',
					industry: 'Navy',
					plan: 'Silver',
				},
				{ firstName: 'Ada L.', phone: '+14155550101' },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				firstName: '={{ $json.firstName }}',
				lastName: "={{ $json.lastName ?? '' }}",
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				pipelineStageId: WIPSY_STAGES.qualified.id,
				tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
				customFields: {
					// A row whose value comes out empty is left out of the request.
					field: [
						{ key: INDUSTRY.id, value: "={{ $json.industry ?? '' }}" },
						{ key: BUDGET.id, value: "={{ $json.budget ?? '' }}" },
						{ key: BIRTHDAY.id, value: "={{ $json.birthday ?? '' }}" },
						{ key: PLAN.id, value: "={{ $json.plan ?? '' }}" },
						{ key: WORK_EMAIL.id, value: "={{ $json.workEmail ?? '' }}" },
						{ key: MOBILE.id, value: "={{ $json.mobile ?? '' }}" },
					],
				},
				additionalFields: {
					company: "={{ $json.company ?? '' }}",
					city: "={{ $json.city ?? '' }}",
					notes: "={{ $json.notes ?? '' }}",
				},
				// One at a time, so the sandbox sees the requests in a fixed order.
				options: { ifContactExists: 'returnExisting', maxConcurrency: 1 },
			},
			expectedRequests: [
				// The custom-field definitions, read once for the whole run.
				listContacts,
				create({
					name: 'Ada',
					last_name: 'Lovelace',
					company: 'Analytical Engines Ltd',
					city: 'London',
					notes: 'Met at the n8n meetup',
					phone: '+14155550101',
					email: 'ada@example.com',
					pipeline_stage_id: WIPSY_STAGES.qualified.id,
					tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
					// Sent in the field's type: a date-time keeps its date, a select value the
					// option's spelling, a phone E.164.
					custom_fields: {
						[INDUSTRY.id]: 'Computing',
						[BUDGET.id]: '1250.50',
						[BIRTHDAY.id]: '1815-12-10',
						[PLAN.id]: 'Gold',
						[WORK_EMAIL.id]: 'ada@engines.example.com',
						[MOBILE.id]: '+442079460958',
					},
				}),
				create({
					name: 'Grace',
					phone: '+442079460000',
					email: 'grace@example.com',
					pipeline_stage_id: WIPSY_STAGES.qualified.id,
					tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
					custom_fields: { [INDUSTRY.id]: 'Navy', [PLAN.id]: 'Silver' },
				}),
				create({
					name: 'Ada L.',
					phone: '+14155550101',
					pipeline_stage_id: WIPSY_STAGES.qualified.id,
					tags: [WIPSY_TAGS.vip.id, WIPSY_TAGS.newsletter.id],
				}),
				// 409: "Return Existing" looks the phone up among the listed contacts.
				listContacts,
			],
			expectedOutput: [
				{ json: ada('created'), pairedItem: 0 },
				{
					json: contact(
						createdId(1),
						{
							name: 'Grace',
							phone: '+442079460000',
							email: 'grace@example.com',
							stage: WIPSY_STAGES.qualified,
							tags: [WIPSY_TAGS.vip, WIPSY_TAGS.newsletter],
							customFields: [
								fieldValue(createdId(1), INDUSTRY, 'Navy'),
								fieldValue(createdId(1), PLAN, 'Silver'),
							],
						},
						'created',
					),
					pairedItem: 1,
				},
				{ json: ada('existing'), pairedItem: 2 },
			],
		},
		{
			id: 'e2eWipsyWf000002',
			name: 'Wipsy: continue on fail with good and bad items',
			continueOnFail: true,
			// Good; a Budget that is not a number and a Plan that is no option (both refused
			// before sending); an email a seeded contact has (409); a stage Wipsy does not know
			// (400); good, in the "Lost" stage, which no contact uses but Wipsy accepts by ID.
			items: [
				{ firstName: 'Linus', phone: '+358 40 123 4567', budget: '1000' },
				{ firstName: 'Bad Budget', email: 'budget@example.com', budget: 'lots' },
				{ firstName: 'Taken Email', email: seedEmail(WIPSY_SEED_CONTACTS - 1) },
				{ firstName: 'Bad Plan', email: 'plan@example.com', plan: 'Platinum' },
				{ firstName: 'Unknown Stage', email: 'stage@example.com', stage: UNKNOWN_STAGE },
				{ firstName: 'Margaret', email: 'margaret@example.com', stage: WIPSY_STAGES.lost.id },
			],
			parameters: {
				resource: 'contact',
				operation: 'create',
				firstName: '={{ $json.firstName }}',
				phone: "={{ $json.phone ?? '' }}",
				email: "={{ $json.email ?? '' }}",
				pipelineStageId: "={{ $json.stage ?? '' }}",
				customFields: {
					field: [
						{ key: BUDGET.id, value: "={{ $json.budget ?? '' }}" },
						{ key: PLAN.id, value: "={{ $json.plan ?? '' }}" },
					],
				},
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [
				listContacts,
				create({ name: 'Linus', phone: '+358401234567', custom_fields: { [BUDGET.id]: '1000' } }),
				create({ name: 'Taken Email', email: seedEmail(WIPSY_SEED_CONTACTS - 1) }),
				create({
					name: 'Unknown Stage',
					email: 'stage@example.com',
					pipeline_stage_id: UNKNOWN_STAGE,
				}),
				create({
					name: 'Margaret',
					email: 'margaret@example.com',
					pipeline_stage_id: WIPSY_STAGES.lost.id,
				}),
			],
			expectedOutput: [
				{
					json: contact(
						createdId(0),
						{
							name: 'Linus',
							phone: '+358401234567',
							customFields: [fieldValue(createdId(0), BUDGET, '1000')],
						},
						'created',
					),
					pairedItem: 0,
				},
				{
					json: {
						message: 'Custom field "Budget" is a number field, but "lots" is not a number [item 1]',
						error: {
							message:
								'Custom field "Budget" is a number field, but "lots" is not a number [item 1]',
							description:
								'Use digits with a dot for decimals, for example 42 or 1499.90 (no thousands separators, no decimal comma).',
						},
					},
					pairedItem: 1,
				},
				{
					json: {
						message: 'Wipsy answered 409: Contact with this email already exists [item 2]',
						error: {
							message: 'Wipsy answered 409: Contact with this email already exists [item 2]',
							httpCode: '409',
							description:
								'A record with these details already exists. Set "If Contact Exists" to "Return Existing" to output it instead. (POST /api-create-contact)',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message:
							'Custom field "Plan" accepts only one of: Bronze, Silver, Gold; "Platinum" is not among them [item 3]',
						error: {
							message:
								'Custom field "Plan" accepts only one of: Bronze, Silver, Gold; "Platinum" is not among them [item 3]',
						},
					},
					pairedItem: 3,
				},
				{
					json: {
						message: 'Wipsy answered 400: Invalid pipeline_stage_id [item 4]',
						error: {
							message: 'Wipsy answered 400: Invalid pipeline_stage_id [item 4]',
							httpCode: '400',
							description:
								'The vendor rejected the data sent. Check the fields named in the message. (POST /api-create-contact)',
						},
					},
					pairedItem: 4,
				},
				{
					json: contact(
						createdId(1),
						{ name: 'Margaret', email: 'margaret@example.com', stage: WIPSY_STAGES.lost },
						'created',
					),
					pairedItem: 5,
				},
			],
		},
		{
			id: 'e2eWipsyWf000004',
			name: 'Wipsy: get contacts by ID, continue on fail',
			continueOnFail: true,
			// Get: a contact among the newest, one older than the 500 Wipsy lists (Get still reads
			// it), an ID Wipsy does not know and one that is not a UUID (refused before sending).
			items: [
				{ contactId: seededId(451) },
				{ contactId: seededId(3) },
				{ contactId: UNKNOWN_CONTACT },
				{ contactId: '451' },
			],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
				options: { maxConcurrency: 1 },
			},
			expectedRequests: [seededId(451), seededId(3), UNKNOWN_CONTACT].map((contactId) => ({
				method: 'GET',
				path: '/api-get-contacts',
				query: { contactId },
				headers: auth,
			})),
			expectedOutput: [
				{ json: seeded(451, { stage: WIPSY_STAGES.won }), pairedItem: 0 },
				{
					json: seeded(3, {
						stage: WIPSY_STAGES.archived,
						tags: [WIPSY_TAGS.oldImport, WIPSY_TAGS.vip],
						customFields: [fieldValue(seededId(3), WIPSY_FIELDS.referral, '1003')],
					}),
					pairedItem: 1,
				},
				{
					json: {
						message: `Wipsy has no contact with ID ${UNKNOWN_CONTACT} [item 2]`,
						error: {
							message: `Wipsy has no contact with ID ${UNKNOWN_CONTACT} [item 2]`,
							httpCode: '404',
							description:
								'Check the ID (Create and Get Many output it as "id"), and that the credential opens the Wipsy account the contact is in.',
						},
					},
					pairedItem: 2,
				},
				{
					json: {
						message:
							'Contact ID "451" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 3]',
						error: {
							message:
								'Contact ID "451" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected [item 3]',
						},
					},
					pairedItem: 3,
				},
			],
		},
		{
			id: 'e2eWipsyWf000005',
			name: 'Wipsy: the newest contacts (example)',
			manyPerItem: true,
			example: true,
			// Get Many with a Limit of 3: Wipsy's three newest, newest first, one item each.
			items: [{}],
			parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 },
			expectedRequests: [
				{ method: 'GET', path: '/api-get-contacts', query: { limit: '3' }, headers: auth },
			],
			expectedOutput: [
				{
					json: seeded(519, { stage: WIPSY_STAGES.won, tags: [WIPSY_TAGS.vip] }),
					pairedItem: 0,
				},
				{
					json: seeded(518, {
						stage: WIPSY_STAGES.qualified,
						customFields: [
							fieldValue(seededId(518), INDUSTRY, 'Retail'),
							fieldValue(seededId(518), BUDGET, '5180'),
						],
					}),
					pairedItem: 0,
				},
				{ json: seeded(517, { stage: WIPSY_STAGES.contacted }), pairedItem: 0 },
			],
		},
	],

	dropdowns: [
		{
			// The stages the listed contacts use, in pipeline order ("Archived" is only on
			// contacts beyond the first 500, "Lost" on none).
			openedInEditor: true,
			methodName: 'getPipelineStages',
			parameterPath: 'pipelineStageId',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: [
				{ name: 'New Lead', value: WIPSY_STAGES.newLead.id },
				{ name: 'Contacted', value: WIPSY_STAGES.contacted.id },
				{ name: 'Qualified', value: WIPSY_STAGES.qualified.id },
				{ name: 'Won', value: WIPSY_STAGES.won.id },
			],
			expectedRequests: [listContacts],
		},
		{
			// By name; "Old import" and "Unused" are on no listed contact.
			methodName: 'getTags',
			parameterPath: 'tags',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: [
				{ name: 'Newsletter', value: WIPSY_TAGS.newsletter.id },
				{ name: 'VIP', value: WIPSY_TAGS.vip.id },
				{ name: 'Webinar 2024', value: WIPSY_TAGS.webinar.id },
			],
			expectedRequests: [listContacts],
		},
		{
			// In field order, each with its type; "Referral Code" is only on contacts beyond the first 500.
			methodName: 'getCustomFields',
			parameterPath: 'customFields.field.key',
			currentNodeParameters: { resource: 'contact', operation: 'create' },
			expected: fieldOptions,
			expectedRequests: [listContacts],
		},
		{
			// The contact picker of Get: the newest 500, searched here by name, email or phone.
			kind: 'listSearch',
			methodName: 'searchContacts',
			parameterPath: 'contact',
			currentNodeParameters: { resource: 'contact', operation: 'get' },
			filter: seedEmail(451),
			expected: [{ name: `Contact 451 (${seedEmail(451)})`, value: seededId(451) }],
			expectedRequests: [listContacts],
		},
	],
};
