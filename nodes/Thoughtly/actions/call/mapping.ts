/** Thoughtly's calls: node parameters -> the start request, answers -> output. Pure. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readRows } from '../../../shared/rows';
import type { ExpectedAnswer } from '../../../shared/transport';
import { requireText } from '../../../shared/validate';
import { envelopeData, isRecord } from '../../api';

/** The agent (Thoughtly calls agents "interviews" in its API): from a searchable list or by ID. */
export const agentField: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The Thoughtly agent that makes the call',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent...',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. int_8f3a…' },
	],
};

/** Key/value rows the agent's script reads as variables: `metadata.field[].key/value`. */
export const metadataField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variable',
	default: {},
	description: "Values for this call; the agent's script can use each one as a variable by its key",
	options: [
		{
			displayName: 'Variable',
			name: 'field',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'appointment_time',
					description: "Name of the variable, as the agent's script refers to it",
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/** The agent's ID from the `agent` locator (or a plain ID given by expression). */
export function readAgentId(locator: unknown): string {
	const value =
		locator !== null && typeof locator === 'object'
			? (locator as { value?: unknown }).value
			: locator;
	return requireText(value, 'Agent');
}

/** Metadata rows -> the `metadata` object, or undefined when no row is filled. */
export function toMetadata(collection: unknown): IDataObject | undefined {
	const rows = readRows(collection, 'field', {
		label: 'Metadata variable',
		keyName: 'key',
		keepTypes: true,
	});
	return rows.length ? Object.fromEntries(rows.map(({ key, value }) => [key, value])) : undefined;
}

/** What a call needs besides the contact, read and checked before anything is sent. */
export interface CallFields {
	interviewId: string;
	metadata?: IDataObject;
}

export function readCallFields(agent: unknown, metadata: unknown): CallFields {
	return { interviewId: readAgentId(agent), metadata: toMetadata(metadata) };
}

/** The documented start body: `{contact_id, interview_id, metadata}` (metadata only when given). */
export function toStartCallBody(contactId: string, fields: CallFields): IDataObject {
	const body: IDataObject = { contact_id: contactId, interview_id: fields.interviewId };
	if (fields.metadata) body.metadata = fields.metadata;
	return body;
}

/** The call in a start answer: the envelope's `data` (its fields are not documented). */
export function callInAnswer(response: unknown): IDataObject {
	const data = envelopeData(response);
	return isRecord(data) ? data : {};
}

/** A start answered with success must carry the call in `data`; anything else proves nothing. */
export const STARTED_CALL: ExpectedAnswer = {
	what: 'a started call',
	matches: (body) => Object.keys(callInAnswer(body)).length > 0,
};

/** Where Thoughtly's agent list puts its records (PRACTICE: `data.interviews`). */
export const AGENT_LIST_PATHS = ['data.interviews', 'data'];

/** An agent's name in lists: its title (Thoughtly's word), else its name. */
export function agentName(agent: IDataObject): string | undefined {
	for (const key of ['title', 'name']) {
		const value = agent[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}
