import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createOrReturnExisting } from '../shared/contact';
import { findList } from '../shared/lists';
import type { IfContactExists } from '../shared/properties';
import { createOptions, showOnCreate } from '../shared/properties';
import type { ApiClient } from '../shared/transport';
import { countryByIso, countryOptions } from '../shared/countries';
import { checkEmail, checkKey, InputError, optionalText, quote, requireText, samePhone, toDefaultCountry, toE164 } from '../shared/validate';
import { envelopeData, isDuplicateContactError, isRecord, thoughtlyPacing } from './api';

export const createContactProperties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155551234',
		description:
			'Phone number the agent calls, with its country code. Spaces, dashes, dots and parentheses are removed, and a leading 00 becomes +. A number without a country code is read in the Country Code below, or else in Options → Default Country.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Full Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'John Doe',
		description: 'Full name of the contact',
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
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'options',
		options: countryOptions(),
		default: '',
		description:
			'Country of the phone number as a two-letter ISO 3166-1 code, such as US or GB (not a dialling code such as +1). An expression may give the code in any letter case.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags by name. The list shows the tags already used on the team\'s contacts; to add a new tag, give its name (or a list, or comma-separated names) in an expression. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showOnCreate,
	},
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: 'Custom values stored on the contact; the agent\'s script can use each one as a variable by its key',
		displayOptions: showOnCreate,
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'plan_interest',
						description: 'Name of the attribute, as the agent\'s script refers to it',
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
	createOptions('Thoughtly', thoughtlyPacing),
];

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	/** Exactly the body Thoughtly receives: documented keys only, none empty. */
	body: IDataObject;
	/** The phone number in E.164, used to find the contact when it already exists. */
	phoneNumber: string;
}

/** A country code given by dropdown or expression -> the ISO code Thoughtly expects. */
export function toCountryCode(value: unknown): string | undefined {
	const text = optionalText(value, 'Country Code');
	if (text === undefined) return undefined;
	const code = text.toUpperCase();
	if (countryByIso(code)) return code;
	const hint = 'Use the two-letter ISO 3166-1 code of the country, for example US, GB or DE.';
	if (/^\+?\d{1,4}$/.test(text)) {
		throw new InputError(`Country Code "${text}" looks like a dialling code; Thoughtly expects a two-letter country code`, hint);
	}
	throw new InputError(`Country Code "${text}" is not a two-letter ISO 3166-1 country code`, hint);
}

/**
 * Tag names from the multi-select: an array from the list or an expression, or one
 * expression string with comma-separated names. Trimmed, empty ones dropped, duplicates
 * (exact) removed, order kept.
 */
export function toTagNames(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined || value === null ? [] : [value];
	const names: string[] = [];
	for (const entry of entries) {
		if (entry !== null && typeof entry === 'object') {
			throw new InputError('Tags must be names (text); an object was given', 'Give tag names, for example ["VIP", "Webinar 2024"].');
		}
		const name = optionalText(entry, 'Tag');
		if (name !== undefined && !names.includes(name)) names.push(name);
	}
	return names;
}

/** Key/Value rows -> Thoughtly's `attributes` object. Rows with neither are ignored. */
export function toAttributes(collection: unknown): IDataObject | undefined {
	const rows = ((collection as IDataObject | undefined)?.attribute as IDataObject[] | undefined) ?? [];
	const attributes: IDataObject = {};
	const seen = new Set<string>();
	for (const row of rows) {
		const key = optionalText(row?.key, 'Attribute key');
		const rawValue = row?.value;
		// Numbers and booleans keep their JSON type; anything else must be text.
		const value = typeof rawValue === 'number' || typeof rawValue === 'boolean' ? rawValue : optionalText(rawValue, key === undefined ? 'Attribute value' : `Attribute "${key}"`);
		if (key === undefined) {
			if (value === undefined) continue;
			throw new InputError(`An attribute has the value ${quote(String(value))} but no key`, 'Give every attribute a key, or remove the row.');
		}
		checkKey(key, 'Attribute');
		if (seen.has(key)) {
			throw new InputError(`Attribute "${key}" is given twice; keep one value per key`, 'Remove or rename one of the rows with this key.');
		}
		seen.add(key);
		if (value !== undefined) attributes[key] = value;
	}
	return Object.keys(attributes).length ? attributes : undefined;
}

/** Node parameters of one item -> Thoughtly's create body. Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const countryCode = toCountryCode(params.countryCode);
	const defaultCountry = toDefaultCountry(params.defaultCountry);
	// Thoughtly's country_code is the country of the phone number, so a national number is read in it first.
	const ownCountry = countryCode ? countryByIso(countryCode) : undefined;
	const phoneNumber = toE164(requireText(params.phoneNumber, 'Phone Number'), 'Phone Number', ownCountry?.callingCode ? ownCountry : defaultCountry);
	const body: IDataObject = { phone_number: phoneNumber };
	const name = optionalText(params.name, 'Full Name');
	if (name !== undefined) body.name = name;
	const email = optionalText(params.email, 'Email');
	if (email !== undefined) body.email = checkEmail(email);
	if (countryCode !== undefined) body.country_code = countryCode;
	const tags = toTagNames(params.tags);
	if (tags.length) body.tags = tags;
	const attributes = toAttributes(params.attributes);
	if (attributes) body.attributes = attributes;
	return { body, phoneNumber };
}

/** The contact in a create answer: the envelope's `data` (or `data.contact` if nested). */
export function createdContact(response: unknown): IDataObject {
	const data = envelopeData(response);
	if (!isRecord(data)) return {};
	return isRecord(data.contact) ? data.contact : data;
}

/** The listed contact with this phone number (compared by digits), if any. */
export function matchContact(contacts: IDataObject[], phoneNumber: string): IDataObject | undefined {
	return contacts.find(
		(contact) => isRecord(contact) && [contact.phone_number, contact.phoneNumber, contact.phone].some((value) => samePhone(phoneNumber, value)),
	);
}

/** Where Thoughtly's contact list puts its records (PRACTICE: `data.contacts`). */
export const CONTACT_LIST_PATHS = ['data.contacts', 'data'];

/** Phone search results are read from one page of this size (the documented maximum). */
export const CONTACT_PAGE_LIMIT = 50;

export async function createContact(
	this: IExecuteFunctions,
	client: ApiClient,
	itemIndex: number,
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const request = toCreateContactRequest({
		phoneNumber: this.getNodeParameter('phoneNumber', itemIndex),
		name: this.getNodeParameter('name', itemIndex, ''),
		email: this.getNodeParameter('email', itemIndex, ''),
		countryCode: this.getNodeParameter('countryCode', itemIndex, ''),
		tags: this.getNodeParameter('tags', itemIndex, []),
		attributes: this.getNodeParameter('attributes', itemIndex, {}),
		defaultCountry: options.defaultCountry,
	});
	const { body, phoneNumber } = request;

	const { contact, outcome } = await createOrReturnExisting(
		this,
		(options.ifContactExists as IfContactExists | undefined) ?? 'fail',
		async () => createdContact(await client.request({ method: 'POST', path: '/contact/create', body })),
		async () => {
			const found = await client.request({
				method: 'GET',
				path: '/contact',
				qs: { search: phoneNumber, page: 0, limit: CONTACT_PAGE_LIMIT },
			});
			return matchContact(findList(found, CONTACT_LIST_PATHS), phoneNumber);
		},
		phoneNumber,
		isDuplicateContactError,
	);
	return { ...contact, outcome };
}
