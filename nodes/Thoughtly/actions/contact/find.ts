/** Finding a Thoughtly contact: by ID as given, or by phone number through the documented search. */
import type { IDataObject } from 'n8n-workflow';

import type { ContactRef } from '../../../shared/contact';
import { contactLocatorField } from '../../../shared/fields';
import { findList } from '../../../shared/lists';
import { defaultCountryOption, operationOptions } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { InputError } from '../../../shared/validate';
import { thoughtlyPacing } from '../../api';
import { CONTACT_LIST_PATHS, CONTACT_PAGE_LIMIT, contactIdOf, matchContact } from './mapping';

/** The contact an operation acts on: from a searchable list, by ID, or by phone number. */
export const contactField = contactLocatorField({
	searchListMethod: 'searchContacts',
	idPlaceholder: 'e.g. 6f1c2a9e-…',
	byPhone: true,
	description:
		'The Thoughtly contact. By Phone Number searches the contacts for that number (with its country code, or read in Options → Default Country).',
});

/** Options of an operation that points at one contact: Default Country (for By Phone Number), then pacing. */
export const contactOperationOptions = operationOptions('Thoughtly', thoughtlyPacing, [
	defaultCountryOption,
]);

/**
 * The contact with this phone number (E.164), from one page of `GET /contact?search=`: the
 * search is documented, what it matches is not (ASSUMPTION: the phone number is among it).
 */
export async function findContactByPhone(
	client: ApiClient,
	phoneNumber: string,
): Promise<IDataObject | undefined> {
	const found = await client.request({
		method: 'GET',
		path: '/contact',
		qs: { search: phoneNumber, page: 0, limit: CONTACT_PAGE_LIMIT },
	});
	return matchContact(findList(found, CONTACT_LIST_PATHS), phoneNumber);
}

/** A contact found by phone number, or a failure that says none has it. */
export async function requireContactByPhone(
	client: ApiClient,
	phoneNumber: string,
): Promise<IDataObject> {
	const contact = await findContactByPhone(client, phoneNumber);
	if (!contact)
		throw new InputError(
			`No Thoughtly contact has the phone number ${phoneNumber}`,
			'Check the number, or pick the contact from the list or by ID.',
		);
	return contact;
}

/** The ID of the contact a locator points at (a phone number is looked up first). */
export async function contactIdFor(client: ApiClient, ref: ContactRef): Promise<string> {
	if (ref.by !== 'phone') return ref.value;
	const contact = await requireContactByPhone(client, ref.value);
	const id = contactIdOf(contact);
	if (id === undefined)
		throw new InputError(
			`Thoughtly listed the contact with the phone number ${ref.value} without an ID`,
			'Pick the contact by ID instead.',
		);
	return id;
}
