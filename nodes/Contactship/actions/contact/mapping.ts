/** Contactship's contact, both ways: node parameters -> request bodies, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId } from '../../../shared/contact';
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
	requireText,
	toDefaultCountry,
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
	const defaultCountry = toDefaultCountry(
		(params.options as IDataObject | undefined)?.defaultCountry,
	);
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
