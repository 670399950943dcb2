import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/contact';
import {
	getManyContactsOption,
	limitField,
	returnAllField,
	simplifyField,
	tagsField,
} from '../../../shared/fields';
import { fetchAllPages, findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { thoughtlyPacing } from '../../api';
import { contactTotal } from '../../methods/loadOptions';
import type { ContactFilters } from './mapping';
import {
	CONTACT_LIST_PATHS,
	CONTACT_PAGE_LIMIT,
	contactIdOf,
	simplifyContact,
	toContactListQuery,
} from './mapping';

const requiredTags = tagsField(
	'getTags',
	'Only contacts that have all of these tags (the list shows the tags used on your contacts).',
);
const excludedTags = {
	...tagsField('getTags', 'Only contacts that have none of these tags.'),
	displayName: 'Excluded Tag Names or IDs',
	name: 'excludedTags',
};

export const getMany: Operation = {
	option: getManyContactsOption,
	toolDescription:
		'Lists contacts in Thoughtly, newest first unless sorted otherwise. Filters: a search text (name, phone number or email), tags the contacts must have, tags they must not have. Returns up to Limit contacts. Leave a filter empty rather than guess it.',
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
				excludedTags,
				{
					displayName: 'Phone Numbers Only',
					name: 'phoneNumbersOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to return only contacts that have a phone number',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					placeholder: 'Ada',
					description: 'Text Thoughtly searches the contacts for',
				},
				{
					displayName: 'Sort By',
					name: 'sort',
					type: 'string',
					default: '',
					placeholder: 'created_at',
					description: 'The contact field Thoughtly sorts by, as its API names it',
				},
				{
					displayName: 'Sort Direction',
					name: 'sortDirection',
					type: 'options',
					options: [
						{ name: 'Default', value: '' },
						{ name: 'Ascending', value: 'ASC' },
						{ name: 'Descending', value: 'DESC' },
					],
					default: '',
				},
				requiredTags,
			],
		},
		simplifyField('Keeps id, name, phone_number, email, tags and created_at'),
		operationOptions('Thoughtly', thoughtlyPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const limit = readLimit(parameters);
		const query = toContactListQuery(parameters.filters as ContactFilters);
		const contacts = await fetchAllPages(
			run.client,
			{ method: 'GET', path: '/contact', qs: query },
			{
				// Never more per page than the Limit needs (1–50 as documented).
				pageSize: Math.min(CONTACT_PAGE_LIMIT, limit ?? CONTACT_PAGE_LIMIT),
				query: (pageIndex, pageSize) => ({ page: pageIndex, limit: pageSize }),
				total: contactTotal,
			},
			(body) => findList(body, CONTACT_LIST_PATHS),
			{ limit, idOf: contactIdOf },
		);
		return parameters.simplify === false ? contacts : contacts.map(simplifyContact);
	},
};
