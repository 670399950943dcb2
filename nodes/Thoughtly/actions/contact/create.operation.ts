import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOrUseExisting } from '../../../shared/contact';
import { countryOptions } from '../../../shared/countries';
import {
	createContactOption,
	customFieldsField,
	emailField,
	fullNameField,
	phoneField,
	tagsField,
} from '../../../shared/fields';
import { findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { isDuplicateContactError, thoughtlyPacing } from '../../api';
import {
	CONTACT_LIST_PATHS,
	CONTACT_PAGE_LIMIT,
	CREATED_CONTACT,
	createdContact,
	matchContact,
	toCreateContactRequest,
} from './mapping';

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in Thoughtly and returns it. Requires the contact's phone number; full name and email are optional. Write the phone number with its country code, such as +14155551234; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned.",
	properties: [
		phoneField({
			required: true,
			description:
				'The agent calls this number. When Country Code below is set, a number without a country code is read in that country instead.',
		}),
		fullNameField({ placeholder: 'John Doe', description: 'Full name of the contact' }),
		emailField(),
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'options',
			options: countryOptions(),
			default: '',
			description:
				'Country of the phone number as a two-letter ISO 3166-1 code, such as US or GB (not a dialling code such as +1). An expression may give the code in any letter case.',
		},
		tagsField(
			'getTags',
			"Tags by name. The list shows the tags already used on the team's contacts; to add a new tag, give its name (or a list, or comma-separated names) in an expression.",
		),
		customFieldsField({
			displayName: 'Attributes',
			rowName: 'Attribute',
			description:
				"Custom values stored on the contact; the agent's script can use each one as a variable by its key",
			key: {
				displayName: 'Key',
				type: 'string',
				default: '',
				placeholder: 'plan_interest',
				description: "Name of the attribute, as the agent's script refers to it",
			},
		}),
		createOptions('Thoughtly', thoughtlyPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const { body, phoneNumber } = toCreateContactRequest(parameters);

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			create: async () =>
				createdContact(
					await client.request({
						method: 'POST',
						path: '/contact/create',
						body,
						expect: CREATED_CONTACT,
					}),
				),
			findExisting: async () => {
				const found = await client.request({
					method: 'GET',
					path: '/contact',
					qs: { search: phoneNumber, page: 0, limit: CONTACT_PAGE_LIMIT },
				});
				return matchContact(findList(found, CONTACT_LIST_PATHS), phoneNumber);
			},
			identity: phoneNumber,
			isDuplicate: isDuplicateContactError,
		});
		return { ...contact, outcome };
	},
};
