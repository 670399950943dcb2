/** Contactship's contact, both ways: node parameters -> request bodies, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId, requireChanges } from '../../../shared/contact';
import type { Country } from '../../../shared/countries';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { readRows } from '../../../shared/rows';
import {
	checkEmail,
	checkTypedValue,
	idList,
	InputError,
	optionalText,
	quote,
	readDefaultCountry,
	requireText,
	toE164,
} from '../../../shared/validate';

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	body: IDataObject;
	tagIds: string[];
}

/** The additional_data types the Contactship docs name; any other type is passed on as given. */
const KNOWN_TYPES = ['text', 'date', 'number', 'location'];

/** The Additional Data rows (`customFields`) -> `additional_data`, each value checked against its type. */
export function toAdditionalData(customFields: unknown): IDataObject[] {
	const rows = readRows(customFields, CUSTOM_FIELD_ROWS.group, {
		label: 'Additional data',
		keyName: CUSTOM_FIELD_ROWS.keyName,
	});
	return rows.map(({ key: field, value, row }) => {
		const givenType = optionalText(row.type, `Additional data ${quote(field)}: Type`);
		if (givenType === undefined) {
			throw new InputError(
				`Additional data "${field}" has no type`,
				'Choose Text, Date, Number or Location, or give a type with an expression.',
			);
		}
		const type = KNOWN_TYPES.includes(givenType.toLowerCase())
			? givenType.toLowerCase()
			: givenType;
		// Contactship takes every value as text; number and date values are checked by the rules every node shares.
		if (type === 'number' || type === 'date')
			checkTypedValue(type, String(value), `Additional data "${field}"`);
		return { type, field, value: String(value) };
	});
}

/** The phone number in the international format Contactship asks for. */
export function toPhoneNumber(value: unknown, defaultCountry?: Country): string {
	return toE164(requireText(value, 'Phone Number'), 'Phone Number', defaultCountry);
}

/** Node parameters of one item -> Contactship's create body and the tags to add. Throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const defaultCountry = readDefaultCountry(params);
	const body: IDataObject = {
		phone_number: toPhoneNumber(params.phone, defaultCountry),
		full_name: requireText(params.fullName, 'Full Name'),
	};
	const country = optionalText(params.country, 'Country');
	if (country) body.country = country;
	const email = optionalText(params.email, 'Email');
	if (email) body.email = checkEmail(email);
	const description = optionalText(params.description, 'Description');
	if (description) body.description = description;

	const additionalData = toAdditionalData(params.customFields);
	if (additionalData.length) body.additional_data = additionalData;

	return { body, tagIds: idList(params.tags, 'Tag Names or IDs') };
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

/** Contactship's `identifierType` for each way the contact locator points at a contact. */
export const IDENTIFIER_TYPE = { id: 'id', email: 'email', phone: 'phone_number' } as const;

/** Update's fields, as named on the screen: an empty update fails with this list. */
export const UPDATE_FIELDS =
	'Phone Number, Full Name, Email, Country, Description or Additional Data';

/** The update request for one item: the fields to send, and the data rows to merge into the stored ones. */
export interface UpdateContactRequest {
	body: IDataObject;
	additionalData: IDataObject[];
}

/**
 * Node parameters of one item -> Contactship's partial update. Every field is optional and an
 * empty one is left out (Contactship then keeps its value); nothing at all fails before sending.
 */
export function toUpdateContactRequest(params: IDataObject): UpdateContactRequest {
	const defaultCountry = readDefaultCountry(params);
	const body: IDataObject = {};
	const phone = optionalText(params.phone, 'Phone Number');
	if (phone) body.phone_number = toPhoneNumber(phone, defaultCountry);
	const fullName = optionalText(params.fullName, 'Full Name');
	if (fullName) body.full_name = fullName;
	const email = optionalText(params.email, 'Email');
	if (email) body.email = checkEmail(email);
	const country = optionalText(params.country, 'Country');
	if (country) body.country = country;
	const description = optionalText(params.description, 'Description');
	if (description) body.description = description;
	const additionalData = toAdditionalData(params.customFields);
	requireChanges(
		additionalData.length ? { ...body, additional_data: additionalData } : body,
		UPDATE_FIELDS,
	);
	return { body, additionalData };
}

/**
 * The whole `additional_data` array to send: Contactship replaces the stored array with the one
 * sent, so the stored entries are kept, a given field replaces the stored one of the same name
 * in place (its type too), and new fields are added at the end.
 */
export function mergeAdditionalData(stored: unknown, given: IDataObject[]): IDataObject[] {
	const merged = (Array.isArray(stored) ? stored : [])
		.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		.map((entry) => ({ type: entry.type, field: entry.field, value: entry.value }) as IDataObject);
	for (const entry of given) {
		const index = merged.findIndex((stored) => stored.field === entry.field);
		if (index >= 0) merged[index] = entry;
		else merged.push(entry);
	}
	return merged;
}

/** Get Many's Filters -> the documented query (each a partial match); empty filters are left out. */
export function toListQuery(filters: unknown): IDataObject {
	const given = (filters ?? {}) as IDataObject;
	const query: IDataObject = {};
	const fullName = optionalText(given.fullName, 'Filters → Full Name');
	if (fullName) query.full_name = fullName;
	const email = optionalText(given.email, 'Filters → Email');
	if (email) query.email = email;
	const phone = optionalText(given.phone, 'Filters → Phone Number');
	if (phone) query.phone_number = phone;
	return query;
}

/**
 * What the user typed in the contact list's search box -> one documented filter: an email when
 * it has an @, a phone number when it is digits (separators dropped, as Contactship stores
 * E.164), else a name.
 */
export function toSearchQuery(text: string | undefined): IDataObject {
	const typed = text?.trim() ?? '';
	if (typed === '') return {};
	if (typed.includes('@')) return { email: typed };
	if (/^\+?[\d\s().-]+$/.test(typed) && /\d/.test(typed))
		return { phone_number: typed.replace(/[\s().-]/g, '') };
	return { full_name: typed };
}

/** A contact as the contact list shows it: its name and phone number. */
export function contactListName(contact: IDataObject): string {
	const name = typeof contact.full_name === 'string' ? contact.full_name.trim() : '';
	const phone = typeof contact.phone_number === 'string' ? contact.phone_number : '';
	if (name && phone) return `${name} (${phone})`;
	return name || phone || String(contact.id);
}

/**
 * Create's body -> the update of the contact that already has its phone number ("Update
 * Existing"): the phone is left out (it is the same), the data rows are merged into the stored
 * ones as on Update.
 */
export function toUpsertBody(createBody: IDataObject, stored: IDataObject): IDataObject {
	const { phone_number: _samePhone, additional_data: given, ...fields } = createBody;
	return Array.isArray(given) && given.length
		? {
				...fields,
				additional_data: mergeAdditionalData(stored.additional_data, given as IDataObject[]),
			}
		: fields;
}
