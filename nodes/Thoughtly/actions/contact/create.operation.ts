import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callFailedAfterCreate } from '../../../shared/calls';
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
import type { Operation, OperationRun } from '../../../shared/operations';
import { createOptions, readIfContactExists } from '../../../shared/properties';
import { isDuplicateContactError, thoughtlyPacing } from '../../api';
import { agentField, metadataField, readCallFields } from '../call/mapping';
import { startCall } from '../call/start.operation';
import { findContactByPhone } from './find';
import { CREATED_CONTACT, contactIdOf, contactInAnswer, toCreateContactRequest } from './mapping';

const onCallAfterCreate = { displayOptions: { show: { callAfterCreate: [true] } } };

export const create: Operation = {
	option: createContactOption,
	toolDescription:
		"Creates one contact in Thoughtly and returns it. Requires the contact's phone number; full name and email are optional. Write the phone number with its country code, such as +14155551234; a number without one is read in the node's Default Country. Leave a field empty rather than guess it. IDs (company, tags, stages) are chosen in the node; never invent one. If the contact already exists, the existing contact may be returned. When the node is set to Call After Create, an agent phones the contact right away; if that call fails, the contact still exists: do not create it again.",
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
		{
			displayName: 'Call After Create',
			name: 'callAfterCreate',
			type: 'boolean',
			default: false,
			description:
				'Whether an agent calls the contact as soon as it exists (also when If Contact Exists returns an existing one)',
		},
		{ ...agentField, ...onCallAfterCreate },
		{ ...metadataField, ...onCallAfterCreate },
		createOptions('Thoughtly', thoughtlyPacing),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const { client } = run;
		const { body, phoneNumber } = toCreateContactRequest(parameters);
		// The call's fields are checked before the contact is created, so bad input sends nothing.
		const call =
			parameters.callAfterCreate === true
				? readCallFields(parameters.agent, parameters.metadata)
				: undefined;

		const { contact, outcome } = await createOrUseExisting(this, {
			ifContactExists: readIfContactExists(parameters.options),
			create: async () =>
				contactInAnswer(
					await client.request({
						method: 'POST',
						path: '/contact/create',
						body,
						expect: CREATED_CONTACT,
					}),
				),
			findExisting: async () => await findContactByPhone(client, phoneNumber),
			identity: phoneNumber,
			isDuplicate: isDuplicateContactError,
		});
		if (!call) return { ...contact, outcome };
		const contactId = contactIdOf(contact);
		if (contactId === undefined)
			throw new NodeOperationError(
				this.getNode(),
				'Thoughtly saved the contact but gave no ID for it, so the call could not be started',
				{ description: 'Find the contact in Thoughtly and start the call with Call → Start.' },
			);
		try {
			return { ...contact, outcome, call: await startCall(this, run, contactId, call) };
		} catch (error) {
			throw callFailedAfterCreate(this, 'Thoughtly', error, contactId, { outcome });
		}
	},
};
