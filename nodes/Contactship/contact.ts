import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { addTags, contactWithId, createOrReturnExisting } from '../shared/contact';
import type { IfContactExists } from '../shared/properties';
import { createOptions, showOnCreate } from '../shared/properties';
import type { ApiClient } from '../shared/transport';
import { apiPath } from '../shared/transport';
import type { Country } from '../shared/countries';
import { checkEmail, checkKey, checkTypedValue, idList, InputError, optionalText, quote, requireText, toDefaultCountry, toE164 } from '../shared/validate';
import { contactshipPacing } from './api';

export const createContactProperties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+12124567890',
		description:
			'Phone number with its country code. Spaces, dashes, dots, parentheses and a leading 00 are turned into the +12124567890 form Contactship expects. A number without a country code is read in Options → Default Country.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Jane Doe',
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
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'Mexico',
		description: 'Country of the contact, as you want it shown in Contactship',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Notes about the contact',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags added to the contact once it exists, one request per tag. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Additional Data',
		name: 'additionalData',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Data Field',
		default: {},
		description: 'Free-form fields stored with the contact; Contactship has no list of them to choose from',
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Data Field',
				name: 'entry',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Date', value: 'date', description: 'An ISO 8601 date such as 2024-12-31' },
							{ name: 'Location', value: 'location', description: 'An address or place' },
							{ name: 'Number', value: 'number', description: 'Digits, with a dot for decimals' },
							{ name: 'Text', value: 'text' },
						],
						default: 'text',
						description: 'How Contactship treats the value. Another type can be set with an expression.',
					},
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'address',
						description: 'Name of the data field',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	createOptions('Contactship', contactshipPacing),
];

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	body: IDataObject;
	tagIds: string[];
}

/** The additional_data types the Contactship docs name; any other type is passed on as given. */
const KNOWN_TYPES = ['text', 'date', 'number', 'location'];

/** The "Additional Data" rows -> `additional_data`, each value checked against its type. */
export function toAdditionalData(rows: IDataObject[]): IDataObject[] {
	const entries: IDataObject[] = [];
	rows.forEach((row, index) => {
		const field = optionalText(row.field, `Additional data row ${index + 1}: Field`);
		const value = optionalText(row.value, `Additional data ${field === undefined ? `row ${index + 1}` : `"${field}"`}`);
		if (field === undefined) {
			if (value === undefined) return;
			throw new InputError(`Additional data row ${index + 1} has the value ${quote(value)} but no field name`, 'Give every data row a field name.');
		}
		checkKey(field, 'Additional data field');
		// An empty value is an optional field left empty, as elsewhere in the node.
		if (value === undefined) return;
		const givenType = optionalText(row.type, `Additional data "${field}": Type`);
		if (givenType === undefined) {
			throw new InputError(`Additional data "${field}" has no type`, 'Choose Text, Date, Number or Location, or give a type with an expression.');
		}
		const type = KNOWN_TYPES.includes(givenType.toLowerCase()) ? givenType.toLowerCase() : givenType;
		// Contactship takes every value as text; number and date values are checked by the rules every node shares.
		if (type === 'number' || type === 'date') checkTypedValue(type, value, `Additional data "${field}"`);
		if (entries.some((entry) => entry.field === field)) {
			throw new InputError(`Additional data "${field}" is given twice; keep one value per field`);
		}
		entries.push({ type, field, value });
	});
	return entries;
}

/** The phone number in the international format Contactship asks for. */
export function toPhoneNumber(value: unknown, defaultCountry?: Country): string {
	return toE164(requireText(value, 'Phone Number'), 'Phone Number', defaultCountry);
}

/** Node parameters of one item -> Contactship's create body and the tags to add. Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const body: IDataObject = {
		phone_number: toPhoneNumber(params.phoneNumber, toDefaultCountry(params.defaultCountry)),
		full_name: requireText(params.fullName, 'Full Name'),
	};
	const country = optionalText(params.country, 'Country');
	if (country) body.country = country;
	const email = optionalText(params.email, 'Email');
	if (email) body.email = checkEmail(email);
	const description = optionalText(params.description, 'Description');
	if (description) body.description = description;

	const rows = ((params.additionalData as IDataObject | undefined)?.entry as IDataObject[] | undefined) ?? [];
	const additionalData = toAdditionalData(rows);
	if (additionalData.length) body.additional_data = additionalData;

	return { body, tagIds: idList(params.tagIds, 'Tag Names or IDs') };
}

/** The contact in a Contactship answer: the flat object as documented, or one wrapped in `data`. */
export function readContact(response: unknown): IDataObject {
	const body = (response && typeof response === 'object' ? response : {}) as IDataObject;
	if (body.id !== undefined) return body;
	for (const key of ['data', 'contact']) {
		const inner = body[key];
		if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as IDataObject;
	}
	return body;
}

/** Contactship's documented 201 is the new contact itself, with its `id`. */
export const CREATED_CONTACT = contactWithId(readContact, 'id');

export async function createContact(
	this: IExecuteFunctions,
	client: ApiClient,
	itemIndex: number,
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const request = toCreateContactRequest({
		phoneNumber: this.getNodeParameter('phoneNumber', itemIndex),
		fullName: this.getNodeParameter('fullName', itemIndex),
		email: this.getNodeParameter('email', itemIndex, ''),
		country: this.getNodeParameter('country', itemIndex, ''),
		description: this.getNodeParameter('description', itemIndex, ''),
		tagIds: this.getNodeParameter('tagIds', itemIndex, []),
		additionalData: this.getNodeParameter('additionalData', itemIndex, {}),
		defaultCountry: options.defaultCountry,
	});
	const phone = String(request.body.phone_number);

	const { contact, outcome } = await createOrReturnExisting(
		this,
		(options.ifContactExists as IfContactExists | undefined) ?? 'fail',
		async () => readContact(await client.request({ method: 'POST', path: '/v1/contacts', body: request.body, expect: CREATED_CONTACT })),
		async () => {
			try {
				const found = await client.request({
					method: 'GET',
					path: apiPath`/v1/contacts/${phone}`,
					qs: { identifierType: 'phone_number' },
				});
				return readContact(found);
			} catch (error) {
				if (error instanceof NodeApiError && String(error.httpCode) === '404') return undefined;
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
		},
		phone,
	);

	const contactId = contact.id === undefined || contact.id === null || contact.id === '' ? undefined : String(contact.id);
	if (!contactId && request.tagIds.length) {
		throw new NodeOperationError(this.getNode(), `Contactship ${outcome === 'created' ? 'created' : 'found'} the contact but gave no ID for it, so its tags could not be added`, {
			itemIndex,
			description: `Add the tags to ${phone} in Contactship.`,
		});
	}
	const appliedTags = await addTags(this, 'Contactship', contactId ?? '', request.tagIds, async (tagId) => {
		await client.request({
			method: 'POST',
			path: apiPath`/v1/contacts/${contactId!}/tags/${tagId}`,
		});
	});
	return { ...contact, appliedTags, outcome };
}
