import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { contactWithId, createOrReturnExisting } from '../shared/contact';
import type { IfContactExists } from '../shared/properties';
import { createOptions, showOnCreate } from '../shared/properties';
import type { ApiClient } from '../shared/transport';
import type { Country } from '../shared/countries';
import {
	checkEmail,
	checkIsoDate,
	checkTypedValue,
	checkUrl,
	checkUuid,
	idList,
	InputError,
	optionalText,
	quote,
	requireText,
	sameEmail,
	samePhone,
	toDefaultCountry,
	toE164,
} from '../shared/validate';
import { CONTACT_SCAN_LIMIT, wipsyPacing } from './api';
import type { WipsyCatalog, WipsyField } from './lists';
import { contactsFromList, readCatalog } from './lists';

export const createContactProperties: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'John',
		description: "The contact's first name",
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'Doe',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+14155551234',
		description: 'Phone number with country code; spaces, dashes and parentheses are removed and it is sent in E.164 form (+ and digits). A number without a country code is read in Options → Default Country.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Pipeline Stage Name or ID',
		name: 'pipelineStageId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelineStages' },
		default: '',
		description:
			'Stage of the sales pipeline the contact starts in, listed in pipeline order. Wipsy has no endpoint that lists stages, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags given to the contact as it is created. Wipsy has no endpoint that lists tags, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			"Values are checked against the field's Wipsy type before anything is sent. Fields given by an ID the node cannot find on any contact are sent unchecked.",
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFields' },
						default: '',
						description:
							'A custom field, listed by name with its type. Wipsy has no endpoint that lists custom fields, so the node reads the first 500 contacts Wipsy returns and lists only values those contacts already use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Must suit the field type: a valid email, a phone number (sent as E.164), a number, a date (YYYY-MM-DD; a date-time keeps its date), or one of the options of a select field',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
			},
			{
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: 'Name of the company the contact works for',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			{
				displayName: 'Profile Picture URL',
				name: 'profilePictureUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/photo.jpg',
				description: "Full http(s) address of the contact's picture",
			},
			{
				displayName: 'Province',
				name: 'province',
				type: 'string',
				default: '',
				description: 'Province or state',
			},
			{
				displayName: 'WhatsApp ID',
				name: 'whatsappId',
				type: 'string',
				default: '',
				placeholder: '+14155551234',
				description: "The contact's WhatsApp number, sent in E.164 form. Leave empty and Wipsy uses the phone.",
			},
		],
	},
	createOptions(
		'Wipsy',
		wipsyPacing,
		`The search looks for the phone, WhatsApp ID or email among the first ${CONTACT_SCAN_LIMIT} contacts Wipsy lists (it offers no search or further pages); a contact beyond them is not found and the item fails`,
	),
];

/** One custom-field row as the user gave it. */
export interface CustomFieldInput {
	fieldId: string;
	value: string;
}

/** The create request for one item, checked before anything is sent; custom fields are checked later against their definitions. */
export interface CreateContactRequest {
	body: IDataObject;
	customFields: CustomFieldInput[];
	/** The country of national phone numbers (Options → Default Country), also for phone-type custom fields. */
	defaultCountry?: Country;
}

const OPTIONAL_TEXT_FIELDS: Array<[param: string, key: string, label: string]> = [
	['lastName', 'last_name', 'Last Name'],
	['address', 'address', 'Address'],
	['city', 'city', 'City'],
	['province', 'province', 'Province'],
	['company', 'company', 'Company'],
	['notes', 'notes', 'Notes'],
];

/** Node parameters of one item -> Wipsy's create body (without `custom_fields`). Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const defaultCountry = toDefaultCountry(params.defaultCountry);
	const body: IDataObject = { name: requireText(params.name, 'First Name') };
	for (const [param, key, label] of OPTIONAL_TEXT_FIELDS) {
		const text = optionalText(params[param], label);
		if (text !== undefined) body[key] = text;
	}
	const phone = optionalText(params.phone, 'Phone Number');
	if (phone) body.phone = toE164(phone, 'Phone Number', defaultCountry);
	const email = optionalText(params.email, 'Email');
	if (email) body.email = checkEmail(email);
	const whatsappId = optionalText(params.whatsappId, 'WhatsApp ID');
	if (whatsappId) body.whatsapp_id = toE164(whatsappId, 'WhatsApp ID', defaultCountry);
	const pictureUrl = optionalText(params.profilePictureUrl, 'Profile Picture URL');
	if (pictureUrl) body.profile_picture_url = checkUrl(pictureUrl, 'Profile Picture URL');
	const stageId = optionalText(params.pipelineStageId, 'Pipeline Stage');
	if (stageId) body.pipeline_stage_id = checkUuid(stageId, 'Pipeline stage');

	const tagIds = idList(params.tagIds, 'Tag Names or IDs');
	if (tagIds.length) body.tags = tagIds.map((id) => checkUuid(id, 'Tag'));

	const rows = ((params.customFields as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
	const customFields: CustomFieldInput[] = [];
	for (const row of rows) {
		const fieldId = optionalText(row.fieldId, 'Custom field');
		const value = optionalText(row.value, fieldId ? `Custom field ${fieldId}` : 'Custom field value');
		if (!fieldId) {
			if (value !== undefined) throw new InputError(`A custom field row has the value ${quote(value)} but no field`, 'Choose the field, or remove the row.');
			continue;
		}
		checkUuid(fieldId, 'Custom field');
		if (value === undefined) continue;
		if (customFields.some((field) => field.fieldId === fieldId)) {
			throw new InputError(`Custom field ${fieldId} is given twice; keep one value per field`);
		}
		customFields.push({ fieldId, value });
	}
	return { body, customFields, defaultCountry };
}

/**
 * A value checked against its field's Wipsy type, in the form it is sent: phones in E.164,
 * dates as YYYY-MM-DD, select values as the option's own spelling. Number, email and phone
 * follow the rules every node shares; text and types the node does not know pass unchanged.
 */
export function checkFieldValue(field: WipsyField, value: string, defaultCountry?: Country): string {
	const label = `Custom field "${field.name}"`;
	switch (field.type) {
		case 'date':
			// ASSUMPTION: Wipsy date fields take the day alone; a date-time keeps its date part.
			return checkIsoDate(value, label).date;
		case 'select': {
			if (field.options.length === 0) return value;
			const option =
				field.options.find((candidate) => candidate === value) ??
				field.options.find((candidate) => candidate.trim().toLowerCase() === value.toLowerCase());
			if (option === undefined) {
				throw new InputError(`${label} accepts only one of: ${field.options.join(', ')}; ${quote(value)} is not among them`);
			}
			return option;
		}
		default:
			return checkTypedValue(field.type, value, label, defaultCountry);
	}
}

/**
 * The `custom_fields` object `{field_id: value}` for the given rows: values of known fields
 * checked against their type, unknown field IDs passed unchecked. A field Wipsy marks as
 * required is not demanded: Wipsy's document does not say its API refuses a contact without
 * it, and which definitions the node can see depends on which contacts Wipsy lists first.
 */
export function toCustomFields(inputs: CustomFieldInput[], fields: WipsyField[], defaultCountry?: Country): IDataObject {
	const byId = new Map(fields.map((field) => [field.id, field]));
	const customFields: IDataObject = {};
	for (const { fieldId, value } of inputs) {
		const field = byId.get(fieldId);
		customFields[fieldId] = field ? checkFieldValue(field, value, defaultCountry) : value;
	}
	return customFields;
}

/** The listed contact that has this body's phone, WhatsApp ID or email, if any. */
export function matchContact(contacts: IDataObject[], body: IDataObject): IDataObject | undefined {
	const numbers = [body.phone, body.whatsapp_id];
	return contacts.find(
		(contact) =>
			[contact.phone, contact.whatsapp_id].some((value) => numbers.some((number) => samePhone(number, value))) ||
			sameEmail(body.email, contact.email),
	);
}

/** The contact in a 201 answer: `data` as documented, or the body itself. */
export function createdContact(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	const data = body.data;
	return (data && typeof data === 'object' && !Array.isArray(data) ? data : body) as IDataObject;
}

/** Wipsy's documented 201: `{success, data, message}`, the new contact with its `id` in `data`. */
export const CREATED_CONTACT = contactWithId(createdContact, 'id');

function readParams(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	return {
		name: ctx.getNodeParameter('name', itemIndex),
		lastName: ctx.getNodeParameter('lastName', itemIndex, ''),
		phone: ctx.getNodeParameter('phone', itemIndex, ''),
		email: ctx.getNodeParameter('email', itemIndex, ''),
		pipelineStageId: ctx.getNodeParameter('pipelineStageId', itemIndex, ''),
		tagIds: ctx.getNodeParameter('tagIds', itemIndex, []),
		customFields: ctx.getNodeParameter('customFields', itemIndex, {}),
		...(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		defaultCountry: options.defaultCountry,
	};
}

export type CreateContact = (this: IExecuteFunctions, client: ApiClient, itemIndex: number) => Promise<IDataObject>;

/**
 * The create flow for one node run. The custom-field definitions are read once, when the
 * first item with custom fields needs them, and shared by every item of the run.
 */
export function contactCreator(): CreateContact {
	let catalog: Promise<WipsyCatalog> | undefined;

	const fieldDefinitions = async (ctx: IExecuteFunctions, client: ApiClient): Promise<WipsyField[]> => {
		catalog ??= readCatalog(client);
		try {
			return (await catalog).fields;
		} catch (error) {
			// The failure is shared by every item; each gets its own error to carry its item number.
			const cause = error as NodeApiError;
			throw new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
				message: `Reading Wipsy's custom-field definitions (needed to check the values) failed: ${cause.message}`,
				description: cause.description ?? undefined,
				httpCode: cause.httpCode ?? undefined,
			});
		}
	};

	return async function createContact(this: IExecuteFunctions, client: ApiClient, itemIndex: number): Promise<IDataObject> {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const request = toCreateContactRequest(readParams(this, itemIndex, options));
		const body: IDataObject = { ...request.body };
		if (request.customFields.length) {
			body.custom_fields = toCustomFields(request.customFields, await fieldDefinitions(this, client), request.defaultCountry);
		}

		const searchable = body.phone !== undefined || body.whatsapp_id !== undefined || body.email !== undefined;
		const identity = searchable
			? [body.phone, body.whatsapp_id, body.email].filter((value) => value !== undefined).join(' / ')
			: 'this item (it has no phone, WhatsApp ID or email to search by)';

		const { contact, outcome } = await createOrReturnExisting(
			this,
			(options.ifContactExists as IfContactExists | undefined) ?? 'fail',
			async () => createdContact(await client.request({ method: 'POST', path: '/api-create-contact', body, expect: CREATED_CONTACT })),
			async () => {
				if (!searchable) return undefined;
				const found = await client.request({ method: 'GET', path: '/api-get-contacts', qs: { limit: CONTACT_SCAN_LIMIT } });
				return matchContact(contactsFromList(found), body);
			},
			identity,
		);
		return { ...contact, outcome };
	};
}
