import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactLocatorField, getContactOption } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { revyOpsPacing } from '../../api';
import { withResponseStructure } from './fields';
import { readContactId, readResponseStructure } from './mapping';
import { getContact } from './requests';

/** The contact every operation on one contact acts on: picked from a search, or by its ID. */
export const revyOpsContactField = contactLocatorField({
	searchListMethod: 'searchContacts',
	idPlaceholder: 'e.g. 5001',
	idPattern: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'A RevyOps contact ID is a whole number' },
	description:
		'The contact: search by email (type an @) or by first name, or first and last name, or give its ID',
});

export const get: Operation = {
	option: getContactOption,
	toolDescription:
		'Gets one RevyOps contact by its ID (a whole number) and returns it with its custom fields. Use an ID that an earlier result gave; never invent one. To find a contact by email or name, use Get Many with filters instead.',
	properties: [
		revyOpsContactField,
		withResponseStructure(operationOptions('RevyOps', revyOpsPacing)),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const contactId = readContactId(parameters);
		return await getContact(this, run.client, contactId, readResponseStructure(parameters));
	},
};
