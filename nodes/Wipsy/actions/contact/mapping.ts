/** Wipsy's contact, both ways: node parameters -> create body, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId } from '../../../shared/contact';
import type { Country } from '../../../shared/countries';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { readRows } from '../../../shared/rows';
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
	readDefaultCountry,
	requireText,
	sameEmail,
	samePhone,
	toE164,
} from '../../../shared/validate';
import type { WipsyField } from '../../catalog';

/** One filled custom-field row. */
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

/** Additional Fields sent as given: [parameter, body key, label]. */
const OPTIONAL_TEXT_FIELDS: Array<[param: string, key: string, label: string]> = [
	['address', 'address', 'Address'],
	['city', 'city', 'City'],
	['province', 'province', 'Province'],
	['company', 'company', 'Company'],
	['notes', 'notes', 'Notes'],
];

/** Node parameters of one item -> Wipsy's create body (without `custom_fields`). Throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const additional = (params.additionalFields as IDataObject | undefined) ?? {};
	const defaultCountry = readDefaultCountry(params);
	const body: IDataObject = { name: requireText(params.firstName, 'First Name') };
	const lastName = optionalText(params.lastName, 'Last Name');
	if (lastName !== undefined) body.last_name = lastName;
	for (const [param, key, label] of OPTIONAL_TEXT_FIELDS) {
		const text = optionalText(additional[param], label);
		if (text !== undefined) body[key] = text;
	}
	const phone = optionalText(params.phone, 'Phone Number');
	if (phone) body.phone = toE164(phone, 'Phone Number', defaultCountry);
	const email = optionalText(params.email, 'Email');
	if (email) body.email = checkEmail(email);
	const whatsappId = optionalText(additional.whatsappId, 'WhatsApp ID');
	if (whatsappId) body.whatsapp_id = toE164(whatsappId, 'WhatsApp ID', defaultCountry);
	const pictureUrl = optionalText(additional.profilePictureUrl, 'Profile Picture URL');
	if (pictureUrl) body.profile_picture_url = checkUrl(pictureUrl, 'Profile Picture URL');
	const stageId = optionalText(params.pipelineStageId, 'Pipeline Stage');
	if (stageId) body.pipeline_stage_id = checkUuid(stageId, 'Pipeline stage');

	const tagIds = idList(params.tags, 'Tag Names or IDs');
	if (tagIds.length) body.tags = tagIds.map((id) => checkUuid(id, 'Tag'));

	const customFields = readRows(params.customFields, CUSTOM_FIELD_ROWS.group, {
		label: 'Custom field',
		keyName: CUSTOM_FIELD_ROWS.keyName,
	}).map(({ key, value }) => ({ fieldId: checkUuid(key, 'Custom field'), value: String(value) }));
	return { body, customFields, defaultCountry };
}

/**
 * A value checked against its field's Wipsy type, in the form it is sent: phones in E.164,
 * dates as YYYY-MM-DD, select values as the option's own spelling. Number, email and phone
 * follow the rules every node shares; text and types the node does not know pass unchanged.
 */
export function checkFieldValue(
	field: WipsyField,
	value: string,
	defaultCountry?: Country,
): string {
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
				throw new InputError(
					`${label} accepts only one of: ${field.options.join(', ')}; ${quote(value)} is not among them`,
				);
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
export function toCustomFields(
	inputs: CustomFieldInput[],
	fields: WipsyField[],
	defaultCountry?: Country,
): IDataObject {
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
			[contact.phone, contact.whatsapp_id].some((value) =>
				numbers.some((number) => samePhone(number, value)),
			) || sameEmail(body.email, contact.email),
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
