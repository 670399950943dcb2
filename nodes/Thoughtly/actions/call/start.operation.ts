import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startCallOnce } from '../../../shared/calls';
import { namingMissing, readContactLocator } from '../../../shared/contact';
import type { Operation, OperationRun } from '../../../shared/operations';
import { contactField, contactIdFor, contactOperationOptions } from '../contact/find';
import type { CallFields } from './mapping';
import {
	agentField,
	callInAnswer,
	metadataField,
	readCallFields,
	STARTED_CALL,
	toStartCallBody,
} from './mapping';

export const startCallOption = {
	name: 'Start',
	value: 'start',
	description: 'Have an agent call a contact now',
	action: 'Start a call',
};

/**
 * Asks Thoughtly to call a contact (`POST /contact/call`), once: see `startCallOnce`. Also
 * used by Contact → Create's Call After Create.
 */
export async function startCall(
	ctx: IExecuteFunctions,
	run: OperationRun,
	contactId: string,
	fields: CallFields,
): Promise<IDataObject> {
	const body = toStartCallBody(contactId, fields);
	try {
		return callInAnswer(
			await startCallOnce(ctx, 'Thoughtly', async () =>
				run.client.request({ method: 'POST', path: '/contact/call', body, expect: STARTED_CALL }),
			),
		);
	} catch (error) {
		throw namingMissing(
			error,
			'Thoughtly',
			(said) =>
				`Thoughtly cannot call contact "${contactId}" with agent "${fields.interviewId}": ${said}`,
			'Check the contact and the agent: one of them does not exist in this team. Nothing was called.',
		);
	}
}

export const start: Operation = {
	option: startCallOption,
	toolDescription:
		"Has a Thoughtly agent phone a contact now and returns the call Thoughtly started (with its ID). Give the contact's ID, or its phone number with its country code, such as +14155551234; the agent is chosen in the node. Metadata values become variables in the agent's script. Only call a contact the user asked to call; never invent an ID. A call is never started twice: if the node reports it unknown whether a call started, do not call again.",
	properties: [contactField, agentField, metadataField, contactOperationOptions],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const ref = readContactLocator(parameters);
		// Checked before the contact is looked up, so bad input sends nothing.
		const fields = readCallFields(parameters.agent, parameters.metadata);
		const contactId = await contactIdFor(run.client, ref);
		return await startCall(this, run, contactId, fields);
	},
};
