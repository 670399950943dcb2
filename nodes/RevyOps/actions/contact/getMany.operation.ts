import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getManyContactsOption, limitField, returnAllField } from '../../../shared/fields';
import { fetchAllPages, findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { MAX_PAGE_SIZE, revyOpsPacing, revyOpsPaging } from '../../api';
import { withResponseStructure } from './fields';
import { toListContactsRequest } from './mapping';
import { CONTACTS_PATH } from './requests';

/** A safety stop for Return All: 1,000 pages of 100 (RevyOps' `count` ends the reading long before). */
const MAX_PAGES = 1000;

export const getMany: Operation = {
	option: getManyContactsOption,
	toolDescription:
		'Lists RevyOps contacts in the order RevyOps gives them, one result per contact. Filters are optional and combine: email (the whole address), first name, last name, company domain (e.g. acme.com). Use it to check whether a person exists before creating them. Leave a filter empty rather than guess it.',
	properties: [
		returnAllField,
		limitField(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Only contacts that match every filter given, as RevyOps searches them',
			options: [
				{
					displayName: 'Company Domain',
					name: 'domain',
					type: 'string',
					default: '',
					placeholder: 'e.g. acme.com',
					description:
						'Contacts of the company with this web domain (a pasted address is reduced to it)',
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					default: '',
					placeholder: 'name@email.com',
				},
				{
					displayName: 'First Name',
					name: 'firstName',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Last Name',
					name: 'lastName',
					type: 'string',
					default: '',
				},
			],
		},
		withResponseStructure(operationOptions('RevyOps', revyOpsPacing)),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const { qs, limit } = toListContactsRequest(parameters);
		// A small Limit is read in one page of that size.
		const pageSize = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
		return await fetchAllPages(
			run.client,
			{ method: 'GET', path: CONTACTS_PATH, qs },
			revyOpsPaging(MAX_PAGES, pageSize),
			(body) => findList(body, ['results']),
			{ limit, idOf: (contact) => contact.id },
		);
	},
};
