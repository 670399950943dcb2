/**
 * Wipsy's pure pieces: parameters -> create body, custom-field values checked against
 * their type, contacts -> dropdown catalog, list answer -> existing contact.
 */
import type { IDataObject } from 'n8n-workflow';

import { wipsyApi } from '../../nodes/Wipsy/api';
import type { CustomFieldInput } from '../../nodes/Wipsy/actions/contact/mapping';
import {
	checkFieldValue,
	createdContact,
	matchContact,
	toCreateContactRequest,
	toCustomFields,
} from '../../nodes/Wipsy/actions/contact/mapping';
import type { WipsyField } from '../../nodes/Wipsy/catalog';
import { catalogFromContacts, contactsFromList, contactTags } from '../../nodes/Wipsy/catalog';
import {
	describeField,
	fieldOptions,
	stageOptions,
	tagOptions,
} from '../../nodes/Wipsy/methods/loadOptions';
import { countryByIso } from '../../nodes/shared/countries';
import { InputError } from '../../nodes/shared/validate';

const STAGE = '5a000000-0000-4000-8000-000000000001';
const TAG_A = '7a000000-0000-4000-8000-000000000001';
const TAG_B = '7a000000-0000-4000-8000-000000000002';
const FIELD = 'cf000000-0000-4000-8000-000000000001';

function field(overrides: Partial<WipsyField>): WipsyField {
	return { id: FIELD, name: 'Field', type: 'text', options: [], required: false, ...overrides };
}

function thrown(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

describe('toCreateContactRequest', () => {
	test('every field mapped to its Wipsy name; phone and WhatsApp ID in E.164', () => {
		const request = toCreateContactRequest({
			firstName: ' John ',
			lastName: 'Doe',
			phone: '+57 318 877-9043',
			email: 'john.doe@example.com',
			pipelineStageId: STAGE,
			tags: [TAG_A, TAG_B, TAG_A],
			customFields: { field: [{ key: FIELD, value: ' Retail ' }] },
			additionalFields: {
				whatsappId: '0057 (318) 877 9044',
				profilePictureUrl: 'https://example.com/john.png',
				address: 'Calle 1 # 2-3',
				city: 'Bogotá',
				province: 'Cundinamarca',
				company: 'Acme',
				notes: 'Met at the fair',
			},
		});
		expect(request).toEqual({
			body: {
				name: 'John',
				last_name: 'Doe',
				phone: '+573188779043',
				email: 'john.doe@example.com',
				whatsapp_id: '+573188779044',
				pipeline_stage_id: STAGE,
				tags: [TAG_A, TAG_B],
				profile_picture_url: 'https://example.com/john.png',
				address: 'Calle 1 # 2-3',
				city: 'Bogotá',
				province: 'Cundinamarca',
				company: 'Acme',
				notes: 'Met at the fair',
			},
			customFields: [{ fieldId: FIELD, value: 'Retail' }],
		});
	});

	test('only the name is required; empty fields are left out (Wipsy then defaults the WhatsApp ID to the phone)', () => {
		expect(
			toCreateContactRequest({
				firstName: 'Ann',
				lastName: '',
				phone: '  ',
				email: '',
				tags: [],
				customFields: {},
				additionalFields: {},
				options: {},
			}),
		).toEqual({
			body: { name: 'Ann' },
			customFields: [],
		});
	});

	test('tags given by expression as a comma-separated text', () => {
		expect(
			toCreateContactRequest({ firstName: 'Ann', tags: `${TAG_A}, ${TAG_B}` }).body.tags,
		).toEqual([TAG_A, TAG_B]);
	});

	test('national phone numbers are read in Options → Default Country, which custom fields get too', () => {
		const request = toCreateContactRequest({
			firstName: 'Ann',
			phone: '030 1234567',
			options: { defaultCountry: 'DE' },
		});
		expect(request.body.phone).toBe('+49301234567');
		expect(request.defaultCountry).toEqual(countryByIso('DE'));
	});

	test('custom-field rows without a value are skipped', () => {
		expect(
			toCreateContactRequest({
				firstName: 'Ann',
				customFields: {
					field: [
						{ key: FIELD, value: '' },
						{ key: '', value: '' },
					],
				},
			}).customFields,
		).toEqual([]);
		// The shared row rules: a field left empty is skipped before its ID is looked at.
		expect(
			toCreateContactRequest({
				firstName: 'Ann',
				customFields: { field: [{ key: 'Budget', value: ' ' }] },
			}).customFields,
		).toEqual([]);
	});

	test('a field given twice fails even when one of its rows is empty', () => {
		const rows = {
			field: [
				{ key: FIELD, value: 'a' },
				{ key: FIELD, value: '' },
			],
		};
		expect(
			thrown(() => toCreateContactRequest({ firstName: 'Ann', customFields: rows })).message,
		).toBe(`Custom field "${FIELD}" is given twice; keep one value per field`);
	});

	test.each([
		['no name', { firstName: '  ' }, 'First Name is required'],
		[
			'a bad email',
			{ firstName: 'A', email: 'john@' },
			'Email "john@" is not a valid email address',
		],
		[
			'a bad phone',
			{ firstName: 'A', phone: '+12345' },
			'Phone Number "+12345" has 5 digits; a phone number with its country code has at least 7',
		],
		[
			'a national phone without a Default Country',
			{ firstName: 'A', phone: '(415) 555-2671' },
			'Phone Number "(415) 555-2671" has no country code',
		],
		[
			'an object where text belongs',
			{ firstName: { first: 'Ada' } },
			'First Name must be text, but the expression gave an object',
		],
		[
			'a list where text belongs',
			{ firstName: 'Ada', lastName: ['Lovelace', 'Byron'] },
			'Last Name must be text, but the expression gave a list',
		],
		[
			'a bad WhatsApp ID',
			{ firstName: 'A', additionalFields: { whatsappId: 'wa:573188779043' } },
			'WhatsApp ID "wa:573188779043" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed',
		],
		[
			'a picture URL that is not a URL',
			{ firstName: 'A', additionalFields: { profilePictureUrl: 'photo.jpg' } },
			'Profile Picture URL "photo.jpg" is not a valid URL',
		],
		[
			'a stage name instead of its ID',
			{ firstName: 'A', pipelineStageId: 'New Lead' },
			'Pipeline stage "New Lead" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected',
		],
		[
			'a tag name instead of its ID',
			{ firstName: 'A', tags: ['VIP'] },
			'Tag "VIP" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected',
		],
		[
			'a field name instead of its ID',
			{ firstName: 'A', customFields: { field: [{ key: 'Budget', value: '1' }] } },
			'Custom field "Budget" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected',
		],
		[
			'a value without a field',
			{ firstName: 'A', customFields: { field: [{ key: '', value: 'x' }] } },
			'Custom field 1 has the value "x" but no field',
		],
		[
			'a field given twice',
			{
				firstName: 'A',
				customFields: {
					field: [
						{ key: FIELD, value: 'a' },
						{ key: FIELD, value: 'b' },
					],
				},
			},
			`Custom field "${FIELD}" is given twice; keep one value per field`,
		],
	])('%s is refused', (_case, params, message) => {
		expect(thrown(() => toCreateContactRequest(params as IDataObject)).message).toBe(message);
	});
});

describe('checkFieldValue: each Wipsy field type', () => {
	test('text: anything, unchanged', () => {
		expect(checkFieldValue(field({ type: 'text' }), 'free text 123 @')).toBe('free text 123 @');
	});

	test('email: a valid address passes, anything else names the field', () => {
		expect(checkFieldValue(field({ type: 'email', name: 'Work Email' }), 'boss@example.com')).toBe(
			'boss@example.com',
		);
		expect(
			thrown(() => checkFieldValue(field({ type: 'email', name: 'Work Email' }), 'boss at example'))
				.message,
		).toBe(
			'Custom field "Work Email" is an email field, but "boss at example" is not a valid email address',
		);
	});

	test('phone: normalised to E.164, letters refused', () => {
		expect(checkFieldValue(field({ type: 'phone', name: 'Mobile' }), '+1 (555) 000-1111')).toBe(
			'+15550001111',
		);
		expect(
			thrown(() => checkFieldValue(field({ type: 'phone', name: 'Mobile' }), 'call me')).message,
		).toMatch(/^Custom field "Mobile" is a phone field, but "call me" is not a phone number/);
	});

	test.each(['42', '-3', '+7', '1250.50', '.5', '1e3'])('number: %s passes unchanged', (value) => {
		expect(checkFieldValue(field({ type: 'number' }), value)).toBe(value);
	});

	test.each(['abc', '1,5', '12 000', '1.2.3', '-'])('number: %s is refused', (value) => {
		expect(
			thrown(() => checkFieldValue(field({ type: 'number', name: 'Budget' }), value)).message,
		).toBe(`Custom field "Budget" is a number field, but "${value}" is not a number`);
	});

	test.each([
		['2024-03-31', '2024-03-31'],
		['2024-02-29', '2024-02-29'],
		['2024-03-31T23:30:00.000+02:00', '2024-03-31'],
		['2024-03-31T08:00:00Z', '2024-03-31'],
		['2024-03-31 08:00', '2024-03-31'],
	])('date: %s is sent as %s', (value, sent) => {
		expect(checkFieldValue(field({ type: 'date' }), value)).toBe(sent);
	});

	test.each([
		['31/03/2024', 'is not a date'],
		['March 31', 'is not a date'],
		['2023-02-29', 'is not a day of the calendar'],
		['2024-13-01', 'is not a day of the calendar'],
	])('date: %s is refused', (value, reason) => {
		const error = thrown(() => checkFieldValue(field({ type: 'date', name: 'Birthday' }), value));
		expect(error.message).toBe(`Custom field "Birthday" is a date field, but "${value}" ${reason}`);
		expect(error.hint).toMatch(/YYYY-MM-DD/);
	});

	test("select: one of field_options, sent in the option's own spelling", () => {
		const plan = field({ type: 'select', name: 'Plan', options: ['Bronze', 'Silver', 'Gold'] });
		expect(checkFieldValue(plan, 'Gold')).toBe('Gold');
		expect(checkFieldValue(plan, 'gold')).toBe('Gold');
		expect(thrown(() => checkFieldValue(plan, 'Platinum')).message).toBe(
			'Custom field "Plan" accepts only one of: Bronze, Silver, Gold; "Platinum" is not among them',
		);
	});

	test('select without known options, and types Wipsy did not document: unchecked', () => {
		expect(checkFieldValue(field({ type: 'select', options: [] }), 'anything')).toBe('anything');
		expect(checkFieldValue(field({ type: 'checkbox' }), 'yes')).toBe('yes');
	});
});

describe('toCustomFields', () => {
	const budget = field({ id: 'f-budget', name: 'Budget', type: 'number' });
	const industry = field({ id: 'f-industry', name: 'Industry', required: true });
	const source = field({ id: 'f-source', name: 'Source', required: true });

	test('known fields checked, unknown IDs sent as given', () => {
		const inputs: CustomFieldInput[] = [
			{ fieldId: 'f-budget', value: '100' },
			{ fieldId: 'f-unknown', value: 'not checked: 1,5' },
		];
		expect(toCustomFields(inputs, [budget])).toEqual({
			'f-budget': '100',
			'f-unknown': 'not checked: 1,5',
		});
		expect(() => toCustomFields([{ fieldId: 'f-budget', value: 'lots' }], [budget])).toThrow(
			'Custom field "Budget" is a number field, but "lots" is not a number',
		);
	});

	test('no rows and no definitions: an empty object', () => {
		expect(toCustomFields([], [])).toEqual({});
	});

	test('a field marked required but not given is not demanded (Wipsy documents no such refusal)', () => {
		expect(toCustomFields([{ fieldId: 'f-budget', value: '1' }], [budget, industry])).toEqual({
			'f-budget': '1',
		});
		expect(toCustomFields([], [industry, source])).toEqual({});
	});

	test('a phone field with a national number is read in the Default Country', () => {
		const mobile = field({ id: 'f-mobile', name: 'Mobile', type: 'phone' });
		expect(
			toCustomFields([{ fieldId: 'f-mobile', value: '030 1234567' }], [mobile], countryByIso('DE')),
		).toEqual({ 'f-mobile': '+49301234567' });
		expect(() => toCustomFields([{ fieldId: 'f-mobile', value: '030 1234567' }], [mobile])).toThrow(
			'Custom field "Mobile" is a phone field, but "030 1234567" has no country code',
		);
	});

	test('required fields given: passes', () => {
		expect(
			toCustomFields([{ fieldId: 'f-industry', value: 'Retail' }], [industry, budget]),
		).toEqual({ 'f-industry': 'Retail' });
	});
});

describe('catalogFromContacts: dropdown values from what contacts embed', () => {
	const stage = (id: string, name: string, order: number) => ({
		id,
		name,
		stage_order: order,
		color: '#000',
	});
	const definition = (name: string, type: string, order: number, extra: IDataObject = {}) => ({
		field_name: name,
		field_type: type,
		field_options: null,
		is_required: false,
		field_order: order,
		...extra,
	});
	const contacts: IDataObject[] = [
		{
			id: 'c1',
			pipeline_stage_id: 's-won',
			pipeline_stage: stage('s-won', 'Won', 4),
			tags: [{ id: 't-vip', name: 'VIP' }],
			custom_fields: [
				{
					customer_id: 'c1',
					field_id: 'f-plan',
					field_value: 'Gold',
					field: definition('Plan', 'select', 2, {
						field_options: ['Bronze', 'Gold'],
						is_required: true,
					}),
				},
			],
		},
		// Overlaps the first: the same stage, tag and field again, plus new ones.
		{
			id: 'c2',
			pipeline_stage_id: 's-won',
			pipeline_stage: stage('s-won', 'Won', 4),
			tags: [
				{ id: 't-vip', name: 'VIP' },
				{ id: 't-news', name: 'Newsletter' },
			],
			custom_fields: [
				{
					field_id: 'f-plan',
					field_value: 'Bronze',
					field: definition('Plan', 'select', 2, {
						field_options: ['Bronze', 'Gold'],
						is_required: true,
					}),
				},
				{ field_id: 'f-budget', field_value: '10', field: definition('Budget', 'NUMBER', 1) },
			],
		},
		// Missing everything: no stage, tags or fields.
		{ id: 'c3', pipeline_stage_id: null, pipeline_stage: null, tags: [], custom_fields: [] },
		{ id: 'c4' },
		// Stages arrive out of order.
		{
			id: 'c5',
			pipeline_stage_id: 's-new',
			pipeline_stage: stage('s-new', 'New Lead', 1),
			tags: null,
			custom_fields: null,
		},
		// A stage known only by its ID; a field row without a definition.
		{
			id: 'c6',
			pipeline_stage_id: 's-bare',
			pipeline_stage: null,
			custom_fields: [{ field_id: 'f-bare', field_value: 'x' }],
		},
		'not a contact' as unknown as IDataObject,
	];

	test('distinct stages by stage_order, tags by name, fields by field_order', () => {
		const catalog = catalogFromContacts(contacts);
		expect(catalog.stages).toEqual([
			{ id: 's-new', name: 'New Lead', order: 1 },
			{ id: 's-won', name: 'Won', order: 4 },
			{ id: 's-bare', name: 's-bare', order: undefined },
		]);
		expect(catalog.tags).toEqual([
			{ id: 't-news', name: 'Newsletter' },
			{ id: 't-vip', name: 'VIP' },
		]);
		expect(catalog.fields).toEqual([
			{ id: 'f-budget', name: 'Budget', type: 'number', options: [], required: false, order: 1 },
			{
				id: 'f-plan',
				name: 'Plan',
				type: 'select',
				options: ['Bronze', 'Gold'],
				required: true,
				order: 2,
			},
			{
				id: 'f-bare',
				name: 'f-bare',
				type: 'text',
				options: [],
				required: false,
				order: undefined,
			},
		]);
	});

	test('no contacts: empty lists', () => {
		expect(catalogFromContacts([])).toEqual({ stages: [], tags: [], fields: [] });
	});

	test('tag shapes Wipsy does not document are read too', () => {
		expect(
			contactTags({
				tags: [
					'7a-bare',
					{ tag_id: 't-join', tag: { id: 't-join', name: 'Joined' } },
					{ tag_id: 't-row', tags: { name: 'Row' } },
					{ tag_name: 'no id' },
					null,
				],
			}),
		).toEqual([
			{ id: '7a-bare', name: '7a-bare' },
			{ id: 't-join', name: 'Joined' },
			{ id: 't-row', name: 'Row' },
		]);
	});

	test('dropdown options: names, IDs, and each field type in its description', () => {
		const catalog = catalogFromContacts(contacts);
		expect(stageOptions(catalog.stages).map((option) => option.name)).toEqual([
			'New Lead',
			'Won',
			's-bare',
		]);
		expect(tagOptions(catalog.tags)).toEqual([
			{ name: 'Newsletter', value: 't-news' },
			{ name: 'VIP', value: 't-vip' },
		]);
		expect(fieldOptions(catalog.fields)).toEqual([
			{ name: 'Budget', value: 'f-budget', description: 'number' },
			{ name: 'Plan', value: 'f-plan', description: 'select: Bronze, Gold; required' },
			{ name: 'f-bare', value: 'f-bare', description: 'text' },
		]);
		expect(describeField(field({ type: 'date' }))).toBe('date, YYYY-MM-DD');
		expect(describeField(field({ type: 'select' }))).toBe('select (options unknown)');
	});

	test('select options given as objects', () => {
		const [definitionRead] = catalogFromContacts([
			{
				custom_fields: [
					{
						field_id: 'f',
						field: definition('Size', 'select', 1, {
							field_options: [{ value: 'S' }, { label: 'M' }, 'L', ''],
						}),
					},
				],
			},
		]).fields;
		expect(definitionRead.options).toEqual(['S', 'M', 'L']);
	});
});

describe('list and create answers', () => {
	test('contacts are read from data, or from a bare array', () => {
		expect(contactsFromList({ success: true, data: [{ id: 'a' }] })).toEqual([{ id: 'a' }]);
		expect(contactsFromList([{ id: 'b' }])).toEqual([{ id: 'b' }]);
		expect(contactsFromList({ success: true, data: { contacts: [{ id: 'c' }] } })).toEqual([
			{ id: 'c' },
		]);
		expect(contactsFromList({ success: false })).toEqual([]);
	});

	test('the created contact is data, else the body', () => {
		expect(createdContact({ success: true, data: { id: 'x' }, message: 'ok' })).toEqual({
			id: 'x',
		});
		expect(createdContact({ id: 'y' })).toEqual({ id: 'y' });
	});

	test('matchContact: by phone or WhatsApp digits, or email in any case', () => {
		const contacts = [
			{ id: 'p', phone: '+57 318 877 9043', whatsapp_id: null, email: null },
			{ id: 'w', phone: null, whatsapp_id: '573000000001', email: null },
			{ id: 'e', phone: null, whatsapp_id: null, email: 'Ann@Example.com' },
		];
		expect(matchContact(contacts, { phone: '+573188779043' })?.id).toBe('p');
		expect(
			matchContact(contacts, { phone: '+15550001111', whatsapp_id: '+573000000001' })?.id,
		).toBe('w');
		expect(matchContact(contacts, { email: 'ann@example.com' })?.id).toBe('e');
		expect(
			matchContact(contacts, { phone: '+15550009999', email: 'other@example.com' }),
		).toBeUndefined();
		expect(matchContact(contacts, { name: 'no keys' })).toBeUndefined();
	});

	test('a 2xx with success: false is a failure', () => {
		expect(wipsyApi.failureInBody?.({ success: false, error: 'Something failed' })).toBe(
			'Something failed',
		);
		expect(wipsyApi.failureInBody?.({ success: false })).toBe(
			'Wipsy answered success: false without a message',
		);
		expect(wipsyApi.failureInBody?.({ success: true, data: {} })).toBeUndefined();
		expect(wipsyApi.failureInBody?.([])).toBeUndefined();
	});
});
