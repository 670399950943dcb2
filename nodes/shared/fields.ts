import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields every contact node offers, each with the one internal name it has in every node
 * (internal names are stored in users' workflows: after release, renaming one needs a new node
 * version). A node passes what differs: whether it is required, its placeholder, a sentence
 * about the vendor. `displayOptions` are added by `describeResources`, once per operation.
 */
/** Contact's operations in the Operation dropdown, worded and named the same in every node. */
export const createContactOption = {
	name: 'Create',
	value: 'create',
	description: 'Create a new contact',
	action: 'Create a contact',
};
export const getContactOption = {
	name: 'Get',
	value: 'get',
	description: 'Get one contact',
	action: 'Get a contact',
};
export const getManyContactsOption = {
	name: 'Get Many',
	value: 'getAll',
	description: 'Get a list of contacts, filtered or all',
	action: 'Get many contacts',
};
export const updateContactOption = {
	name: 'Update',
	value: 'update',
	description: 'Change fields of an existing contact',
	action: 'Update a contact',
};
export const deleteContactOption = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a contact',
	action: 'Delete a contact',
};

/** The Tag resource: tags added to or removed from a contact that exists. */
export const tagResourceOption = { name: 'Tag', value: 'tag' };
export const addTagOption = {
	name: 'Add',
	value: 'add',
	description: 'Add tags to a contact',
	action: 'Add tags to a contact',
};
export const removeTagOption = {
	name: 'Remove',
	value: 'remove',
	description: 'Remove tags from a contact',
	action: 'Remove tags from a contact',
};

export interface FieldText {
	required?: boolean;
	placeholder?: string;
	description?: string;
	hint?: string;
}

function textField(
	displayName: string,
	name: string,
	text: FieldText,
	placeholder: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		...(text.required && { required: true }),
		default: '',
		placeholder: text.placeholder ?? placeholder,
		...(text.description && { description: text.description }),
		...(text.hint && { hint: text.hint }),
	};
}

export const fullNameField = (text: FieldText = {}): INodeProperties =>
	textField('Full Name', 'fullName', text, 'Jane Doe');

export const firstNameField = (text: FieldText = {}): INodeProperties =>
	textField('First Name', 'firstName', text, 'Jane');

export const lastNameField = (text: FieldText = {}): INodeProperties =>
	textField('Last Name', 'lastName', text, 'Doe');

export const emailField = (text: FieldText = {}): INodeProperties =>
	textField('Email', 'email', text, 'name@email.com');

/** A phone number; the shared sentence on formats and Default Country comes first. */
export const phoneField = (text: FieldText = {}): INodeProperties =>
	textField(
		'Phone Number',
		'phone',
		{
			...text,
			description: [
				'Phone number with its country code, such as +14155551234. Spaces, dashes, dots, parentheses and a leading 00 are accepted; a number without a country code is read in Options → Default Country.',
				text.description,
			]
				.filter(Boolean)
				.join(' '),
		},
		'+14155551234',
	);

const CHOOSE_OR_EXPRESSION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** Tags picked from a dropdown (IDs or names, as the vendor takes them), or given by expression. */
export function tagsField(
	loadOptionsMethod: string,
	about: string,
	dependsOn?: string[],
): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod, ...(dependsOn && { loadOptionsDependsOn: dependsOn }) },
		default: [],
		description: `${about} ${CHOOSE_OR_EXPRESSION}`,
	};
}

/** The vendor's own fields as rows: `customFields.field[]` with `key`, `value` and any `extraColumns`. */
export interface CustomFieldsText {
	/** As the vendor calls them, e.g. "Custom Fields", "Additional Data", "Attributes". */
	displayName: string;
	/** One row's name, e.g. "Field", "Data Field", "Attribute". */
	rowName: string;
	/** The add button; `Add <rowName>` unless given. */
	placeholder?: string;
	description?: string;
	/** The key column: a dropdown of the vendor's fields, or free text. */
	key: Omit<INodeProperties, 'name'>;
	/** The value column's description, if it needs one. */
	valueDescription?: string;
	/** Columns besides key and value (e.g. a type), shown before them. */
	extraColumns?: INodeProperties[];
}

export function customFieldsField(text: CustomFieldsText): INodeProperties {
	return {
		displayName: text.displayName,
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: text.placeholder ?? `Add ${text.rowName}`,
		default: {},
		...(text.description && { description: text.description }),
		options: [
			{
				displayName: text.rowName,
				name: 'field',
				values: [
					...(text.extraColumns ?? []),
					{ ...text.key, name: 'key' } as INodeProperties,
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						...(text.valueDescription && { description: text.valueDescription }),
					},
				],
			},
		],
	};
}

/** Where `readRows` finds the rows of `customFieldsField`. */
export const CUSTOM_FIELD_ROWS = { group: 'field', keyName: 'key' } as const;

/** How a user may point at one contact; `list` needs the vendor's search method. */
export interface ContactLocatorText {
	/** A listSearch method: the contact is picked from a searchable list. */
	searchListMethod?: string;
	/** The ID's form, e.g. "e.g. 3f2c…"; and a pattern the editor checks it against. */
	idPlaceholder: string;
	idPattern?: { regex: string; errorMessage: string };
	/** The vendor finds a contact by its email / phone number. */
	byEmail?: boolean;
	byPhone?: boolean;
	description?: string;
}

/** Modes of `contactLocatorField`, as stored in workflows. */
export type ContactLocatorMode = 'list' | 'id' | 'email' | 'phone';

/** The contact an operation acts on: `contact`, a resource locator, in every node. */
export function contactLocatorField(text: ContactLocatorText): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contact',
		type: 'resourceLocator',
		required: true,
		default: { mode: text.searchListMethod ? 'list' : 'id', value: '' },
		description: text.description ?? 'The contact to act on',
		modes: [
			...(text.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: 'Select a contact...',
							typeOptions: { searchListMethod: text.searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string' as const,
				placeholder: text.idPlaceholder,
				...(text.idPattern && {
					validation: [{ type: 'regex' as const, properties: text.idPattern }],
				}),
			},
			...(text.byEmail
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'name@email.com',
						},
					]
				: []),
			...(text.byPhone
				? [
						{
							displayName: 'By Phone Number',
							name: 'phone',
							type: 'string' as const,
							placeholder: '+14155551234',
						},
					]
				: []),
		],
	};
}

/** Get Many's Return All, as in n8n's own nodes. */
export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

/** Get Many's Limit, shown while Return All is off; `max` is what the node can read at most. */
export function limitField(max?: number): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, ...(max && { maxValue: max }) },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
}

/** Whether to output a trimmed record instead of the vendor's whole answer (say what is kept in a hint). */
export function simplifyField(keeps: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: keeps,
	};
}
