import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/contact';
import { getManyContactsOption, limitField, returnAllField } from '../../../shared/fields';
import { findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { contactshipPacing } from '../../api';
import { toListQuery } from './mapping';

const partialMatch = (what: string, example: string) =>
	`Only contacts whose ${what} contains this text (${example}); empty: no filter`;

export const getMany: Operation = {
	option: getManyContactsOption,
	toolDescription:
		'Lists Contactship contacts, optionally only those whose full name, email or phone number contains the given text (partial match, e.g. "gmail" or "+1212"). Returns one result per contact, up to the limit unless Return All is on. Leave the filters empty to list everyone.',
	properties: [
		returnAllField,
		limitField(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					default: '',
					placeholder: 'gmail',
					description: partialMatch('email', '"gmail" finds every Gmail address'),
				},
				{
					displayName: 'Full Name',
					name: 'fullName',
					type: 'string',
					default: '',
					placeholder: 'John',
					description: partialMatch('full name', '"John" also finds "Johnny Doe"'),
				},
				{
					displayName: 'Phone Number',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '+1212',
					description: partialMatch(
						'phone number',
						'numbers are stored as +12124567890, so "+1212" finds New York numbers',
					),
				},
			],
		},
		operationOptions('Contactship', contactshipPacing),
	],

	/**
	 * GET /v1/contacts answers one bare array and documents no paging, so that array is read as
	 * the whole answer: one request, and Limit is applied here.
	 */
	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const limit = readLimit(parameters);
		const body = await run.client.request({
			method: 'GET',
			path: '/v1/contacts',
			qs: toListQuery(parameters.filters),
		});
		const contacts = findList(body, []).filter(
			(record) => !!record && typeof record === 'object' && !Array.isArray(record),
		);
		return limit === undefined ? contacts : contacts.slice(0, limit);
	},
};
