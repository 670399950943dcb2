/** SalesCaptain's contact, both ways: node parameters -> request bodies, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId, requireChanges } from '../../../shared/contact';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { findList } from '../../../shared/lists';
import { readRows } from '../../../shared/rows';
import {
	checkEmail,
	checkTypedValue,
	checkUuid,
	idList,
	InputError,
	optionalText,
	readDefaultCountry,
	requireText,
	sameEmail,
	samePhone,
	toE164,
} from '../../../shared/validate';

/** The company every SalesCaptain operation works in: its ID goes into paths and bodies, so it must be a UUID. */
export function readCompany(params: IDataObject): string {
	return checkUuid(requireText(params.company, 'Company'), 'Company');
}

/** Custom-field rows -> `[{cf_id, cf_value}]` (the IDs checked; values are checked later against their types). */
function readCustomFieldRows(value: unknown): IDataObject[] {
	return readRows(value, CUSTOM_FIELD_ROWS.group, {
		label: 'Custom field',
		keyName: CUSTOM_FIELD_ROWS.keyName,
	}).map(({ key, value: fieldValue }) => ({
		cf_id: checkUuid(key, 'Custom field'),
		cf_value: fieldValue,
	}));
}

/** The create request for one item, checked before anything is sent; custom-field values are checked later against their types. */
export interface CreateContactRequest {
	companyId: string;
	body: IDataObject;
	tagIds: string[];
}

/** Node parameters of one item -> SalesCaptain's create body. Throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const companyId = readCompany(params);
	const defaultCountry = readDefaultCountry(params);
	const phoneText = optionalText(params.phone, 'Phone Number');
	const emailText = optionalText(params.email, 'Email');
	if (!phoneText && !emailText) {
		throw new InputError(
			'Give a phone number or an email: SalesCaptain needs at least one of them',
		);
	}
	const body: IDataObject = {
		company_id: companyId,
		contact_name: requireText(params.fullName, 'Full Name'),
	};
	if (phoneText) body.contact_phone = toE164(phoneText, 'Phone Number', defaultCountry);
	if (emailText) body.contact_email = checkEmail(emailText);

	const customFields = readCustomFieldRows(params.customFields);
	if (customFields.length) body.custom_fields = customFields;

	return { companyId, body, tagIds: idList(params.tags, 'Tag Names or IDs') };
}

/** The fields Update can change, named as in the node, for messages. */
export const UPDATABLE_FIELDS =
	'Full Name, Phone Number, Email, Custom Fields or Options → Fields to Clear';

/**
 * Node parameters of one item -> the body of PUT /v1/update-contact/{contact_id}: only the
 * fields given (an empty one leaves the stored value as is). The email is removed only when
 * asked for in Fields to Clear, as SalesCaptain reads an empty email as "remove it".
 */
export function toUpdateContactBody(params: IDataObject): IDataObject {
	const companyId = readCompany(params);
	const options = (params.options as IDataObject | undefined) ?? {};
	const clear = idList(options.clearFields, 'Fields to Clear');
	const changes: IDataObject = {};
	const name = optionalText(params.fullName, 'Full Name');
	if (name) changes.name = name;
	const phone = optionalText(params.phone, 'Phone Number');
	if (phone) changes.phone = toE164(phone, 'Phone Number', readDefaultCountry(params));
	const email = optionalText(params.email, 'Email');
	if (email && clear.includes('email'))
		throw new InputError(
			'Email is both given and in Fields to Clear',
			'Leave Email empty to remove it, or take it out of Fields to Clear to change it.',
		);
	if (email) changes.email = checkEmail(email);
	if (clear.includes('email')) changes.email = '';
	const customFields = readCustomFieldRows(params.customFields);
	if (customFields.length) changes.custom_fields = customFields;
	requireChanges(changes, UPDATABLE_FIELDS);
	return { company_id: companyId, ...changes };
}

/** "Update Existing": the create body's fields as update-contact names them. */
export function toUpdateFromCreate(createBody: IDataObject): IDataObject {
	const body: IDataObject = {
		company_id: createBody.company_id,
		name: createBody.contact_name,
	};
	if (createBody.contact_phone) body.phone = createBody.contact_phone;
	if (createBody.contact_email) body.email = createBody.contact_email;
	if (createBody.custom_fields) body.custom_fields = createBody.custom_fields;
	return body;
}

/** Get Many's Filters -> the documented query of GET /v1/list-contacts/{company_id}. */
export function toListQuery(filters: unknown): IDataObject {
	const given = (filters as IDataObject | undefined) ?? {};
	const query: IDataObject = {};
	const searchKey = optionalText(given.searchKey, 'Search');
	if (searchKey) query.search_key = searchKey;
	const sortBy = optionalText(given.sortBy, 'Sort By');
	if (sortBy) {
		query.sort_by = sortBy;
		query.sort_dir = optionalText(given.sortDirection, 'Sort Direction') ?? 'asc';
	}
	const channel = optionalText(given.channel, 'Channel');
	if (channel) query.filter = channel;
	return query;
}

/** The contacts of one list-contacts page: `contacts.data` as documented, or the closest thing. */
export function contactsOfPage(body: unknown): IDataObject[] {
	return findList(body, ['contacts.data', 'contacts', 'data.contacts']);
}

/** The number of contacts the list holds in all, from the documented `contacts.pagination`. */
export function totalContacts(body: unknown): number | undefined {
	const contacts = (body as IDataObject | undefined)?.contacts as IDataObject | undefined;
	const pagination = (contacts?.pagination ?? (body as IDataObject | undefined)?.pagination) as
		IDataObject | undefined;
	const total = Number(pagination?.total_count);
	return Number.isFinite(total) && total >= 0 ? total : undefined;
}

/** A contact as the list search ("From List") shows it: its name and how to reach it. */
export function contactLabel(contact: IDataObject): string {
	const name = String(contact.name ?? contact.contact_name ?? '').trim();
	const reach = [contact.phone, contact.email].find(
		(value) => typeof value === 'string' && value.trim() !== '',
	);
	if (!name) return String(reach ?? contact.contact_id);
	return reach ? `${name} (${String(reach)})` : name;
}

/** A custom field as GET /v1/list-custom-fields/{company_id} describes it. */
export interface CustomFieldDefinition {
	cf_id: string;
	cf_label?: string;
	cf_name?: string;
	/** Documented examples: text, number, dropdown. */
	cf_datatype?: string;
}

/**
 * `custom_fields` with each value checked against its field's `cf_datatype` (the shared
 * rule set: a number field takes a number, …). Fields not among the definitions are sent
 * as given, for SalesCaptain to judge.
 */
export function checkCustomFieldValues(
	customFields: IDataObject[],
	definitions: CustomFieldDefinition[],
): IDataObject[] {
	const byId = new Map(definitions.map((definition) => [definition.cf_id, definition]));
	return customFields.map((field) => {
		const definition = byId.get(String(field.cf_id));
		if (!definition?.cf_datatype) return field;
		const label = `Custom field "${definition.cf_label ?? definition.cf_name ?? definition.cf_id}"`;
		return {
			...field,
			cf_value: checkTypedValue(String(definition.cf_datatype), String(field.cf_value), label),
		};
	});
}

/** The listed contact that is the one SalesCaptain called a duplicate, if any. */
export function matchContact(contacts: IDataObject[], body: IDataObject): IDataObject | undefined {
	return contacts.find(
		(contact) =>
			[contact.phone, contact.contact_phone].some((value) =>
				samePhone(body.contact_phone, value),
			) ||
			[contact.email, contact.contact_email].some((value) => sameEmail(body.contact_email, value)),
	);
}

/**
 * The contact in an answer: `contact.data` as create's 201 documents it, or the closest thing
 * to it (fetch-contact and update-contact document no answer; they are read the same way).
 */
export function contactOf(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	const contact = body.contact as IDataObject | undefined;
	return ((contact?.data as IDataObject | undefined) ?? contact ?? body) as IDataObject;
}

/** An answer that holds a contact with its `contact_id` (create's documented 201 has it in `contact.data`). */
export const A_CONTACT = contactWithId(contactOf, 'contact_id');

/** Whether an answer holds a contact (update-contact's answer is not documented). */
export function holdsContact(response: unknown): boolean {
	return A_CONTACT.matches(response);
}
