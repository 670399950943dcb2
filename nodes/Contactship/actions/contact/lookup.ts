/** Finding the contact an operation acts on, and saying so clearly when Contactship has no such contact. */
import type { IDataObject } from 'n8n-workflow';

import type { ContactRef } from '../../../shared/contact';
import { aboutContact } from '../../../shared/contact';
import { contactLocatorField } from '../../../shared/fields';
import { defaultCountryOption, operationOptions } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { apiPath } from '../../../shared/transport';
import { contactshipPacing } from '../../api';
import { CREATED_CONTACT, IDENTIFIER_TYPE, readContact } from './mapping';

/** GET /v1/contacts/{identifier}?identifierType=…: the contact, by ID, email or phone number. */
export async function getContact(client: ApiClient, ref: ContactRef): Promise<IDataObject> {
	const path = apiPath`/v1/contacts/${ref.value}`;
	return await aboutContact('Contactship', ref, async () =>
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
export async function contactIdOf(client: ApiClient, ref: ContactRef): Promise<string> {
	if (ref.by === 'id') return ref.value;
	return String((await getContact(client, ref)).id);
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
