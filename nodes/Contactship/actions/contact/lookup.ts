/** Finding the contact an operation acts on, and saying so clearly when Contactship has no such contact. */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ContactRef } from '../../../shared/contact';
import { readContactRef } from '../../../shared/contact';
import { contactLocatorField } from '../../../shared/fields';
import { defaultCountryOption, operationOptions } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { apiPath } from '../../../shared/transport';
import { toDefaultCountry } from '../../../shared/validate';
import { contactshipPacing } from '../../api';
import { CREATED_CONTACT, IDENTIFIER_TYPE, readContact } from './mapping';

/** The contact locator of an item, checked (a bad email or phone number fails before sending). */
export function readContactLocator(parameters: IDataObject): ContactRef {
	const options = parameters.options as IDataObject | undefined;
	return readContactRef(parameters.contact, toDefaultCountry(options?.defaultCountry));
}

const REF_WORDS: Record<ContactRef['by'], string> = {
	id: 'ID',
	email: 'email',
	phone: 'phone number',
};

/** "ID 3f2c…", "email ana@example.com": how a message names the contact. */
export function describeRef(ref: ContactRef): string {
	return `${REF_WORDS[ref.by]} ${ref.value}`;
}

/**
 * Runs a request about one contact; a 404 becomes an error that names the contact (and, in
 * Contactship's words, what was not found), instead of the generic "check the IDs given".
 */
export async function aboutContact<T>(
	ctx: IExecuteFunctions,
	ref: ContactRef,
	send: () => Promise<T>,
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		// A NodeApiError is handed back as it is (paths are built before `send`, so nothing else is thrown here).
		if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404')
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		throw new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
			message: `Contactship has no contact with ${describeRef(ref)} (${error.message})`,
			description:
				'Check the contact in Contactship, or pick it from the list. Nothing was changed.',
			httpCode: '404',
		});
	}
}

/** GET /v1/contacts/{identifier}?identifierType=…: the contact, by ID, email or phone number. */
export async function getContact(
	ctx: IExecuteFunctions,
	client: ApiClient,
	ref: ContactRef,
): Promise<IDataObject> {
	const path = apiPath`/v1/contacts/${ref.value}`;
	return await aboutContact(ctx, ref, async () =>
		readContact(
			await client.request({
				method: 'GET',
				path,
				qs: { identifierType: IDENTIFIER_TYPE[ref.by] },
				expect: CREATED_CONTACT,
			}),
		),
	);
}

/** The contact's ID: as given, or read from Contactship when the contact is given by email or phone. */
export async function contactIdOf(
	ctx: IExecuteFunctions,
	client: ApiClient,
	ref: ContactRef,
): Promise<string> {
	if (ref.by === 'id') return ref.value;
	return String((await getContact(ctx, client, ref)).id);
}

/** The contact an operation acts on: from the searchable list, by ID, email or phone number. */
export const contactField = contactLocatorField({
	searchListMethod: 'searchContacts',
	idPlaceholder: 'e.g. c1a2b3c4-d5e6-4f70-8a90-b1c2d3e4f5a6',
	idPattern: {
		regex: '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
		errorMessage: 'A Contactship contact ID is a UUID',
	},
	byEmail: true,
	byPhone: true,
	description:
		'The contact to act on. By email or phone number, Contactship looks the contact up first (a phone number without country code is read in Options → Default Country).',
});

/** Options of an operation that points at one contact: Default Country (for By Phone Number), then pacing. */
export const contactOperationOptions = operationOptions('Contactship', contactshipPacing, [
	defaultCountryOption,
]);
