/** SalesCaptain's contact, both ways: node parameters -> request bodies, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId } from '../../../shared/contact';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { readRows } from '../../../shared/rows';
import {
	checkEmail,
	checkTypedValue,
	checkUuid,
	idList,
	InputError,
	optionalText,
	requireText,
	sameEmail,
	samePhone,
	toDefaultCountry,
	toE164,
} from '../../../shared/validate';

/** The create request for one item, checked before anything is sent; custom-field values are checked later against their types. */
export interface CreateContactRequest {
	companyId: string;
	body: IDataObject;
	tagIds: string[];
}

/** Node parameters of one item -> SalesCaptain's create body. Throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const companyId = checkUuid(requireText(params.company, 'Company'), 'Company');
	const defaultCountry = toDefaultCountry(
		(params.options as IDataObject | undefined)?.defaultCountry,
	);
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

	const customFields = readRows(params.customFields, CUSTOM_FIELD_ROWS.group, {
		label: 'Custom field',
		keyName: CUSTOM_FIELD_ROWS.keyName,
	}).map(({ key, value }) => ({ cf_id: checkUuid(key, 'Custom field'), cf_value: value }));
	if (customFields.length) body.custom_fields = customFields;

	return { companyId, body, tagIds: idList(params.tags, 'Tag Names or IDs') };
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

/** The contact in a 201 answer: `contact.data` as documented, or the closest thing to it. */
export function createdContact(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	const contact = body.contact as IDataObject | undefined;
	return ((contact?.data as IDataObject | undefined) ?? contact ?? body) as IDataObject;
}

/** SalesCaptain's documented 201 holds the new contact, with its `contact_id`, in `contact.data`. */
export const CREATED_CONTACT = contactWithId(createdContact, 'contact_id');
