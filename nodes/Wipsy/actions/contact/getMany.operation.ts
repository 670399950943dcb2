import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getManyContactsOption, limitField, returnAllField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { CONTACT_SCAN_LIMIT, wipsyPacing } from '../../api';
import { contactsFromList } from '../../catalog';
import { toListLimit } from './read.mapping';

export const getMany: Operation = {
	option: getManyContactsOption,
	toolDescription: `Lists the newest Wipsy contacts, newest first, one result per contact, with their pipeline stage, tags and custom fields. Wipsy lists at most the ${CONTACT_SCAN_LIMIT} newest contacts and offers no filter: look through the results for a name, email or phone.`,
	properties: [
		{
			displayName: `Wipsy lists only its ${CONTACT_SCAN_LIMIT} newest contacts, newest first, in one answer: it offers no further pages and no filters. Return All reads those ${CONTACT_SCAN_LIMIT}; older contacts can be read one at a time with Get.`,
			name: 'getManyNotice',
			type: 'notice',
			default: '',
		},
		{
			...returnAllField,
			description: `Whether to return the ${CONTACT_SCAN_LIMIT} newest contacts (all Wipsy lists) or only up to a given limit`,
		},
		limitField(CONTACT_SCAN_LIMIT),
		operationOptions('Wipsy', wipsyPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const limit = toListLimit(parameters);
		const body = await run.client.request({
			method: 'GET',
			path: '/api-get-contacts',
			qs: { limit },
		});
		// Wipsy is asked for `limit`; a longer answer is cut to it.
		return contactsFromList(body).slice(0, limit);
	},
};
