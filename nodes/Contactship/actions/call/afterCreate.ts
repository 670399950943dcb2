/** Contact → Create's Call After Create: the new (or found) contact is called once it exists. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callFailedAfterCreate } from '../../../shared/calls';
import type { OperationRun } from '../../../shared/operations';
import { callFields } from './fields';
import type { CallSettings } from './mapping';
import { toCallSettings } from './mapping';
import { callContact, resolveFromNumber } from './start.operation';

const shownWithCall = { show: { callAfterCreate: [true] } };

export const callAfterCreateFields: INodeProperties[] = [
	{
		displayName: 'Call After Create',
		name: 'callAfterCreate',
		type: 'boolean',
		default: false,
		description:
			'Whether an AI agent calls the contact once it exists. If the call cannot be started, the item fails with the contact ID, so the contact is never created twice.',
	},
	...callFields.map((field) => ({ ...field, displayOptions: shownWithCall })),
];

/**
 * The call to start after the create, checked before the contact is created (the From Number
 * too: it is looked up among the outbound numbers when given as a number); undefined for none.
 */
export async function prepareCallAfterCreate(
	run: OperationRun,
	parameters: IDataObject,
): Promise<CallSettings | undefined> {
	if (parameters.callAfterCreate !== true) return undefined;
	const settings = toCallSettings(parameters);
	return { ...settings, fromNumber: await resolveFromNumber(run, settings.fromNumber, 'id') };
}

/**
 * Starts the call. If it fails, the contact still exists: the error says so, names it, and
 * carries its ID (and the tags added) to the error output, as a failed tag does.
 */
export async function startCallAfterCreate(
	ctx: IExecuteFunctions,
	run: OperationRun,
	contactId: string | undefined,
	settings: CallSettings,
	done: IDataObject,
): Promise<IDataObject> {
	if (!contactId)
		throw new NodeOperationError(
			ctx.getNode(),
			'Contactship saved the contact but gave no ID for it, so the call could not be started',
			{ description: 'Find the contact in Contactship and start the call with Call → Start.' },
		);
	try {
		return await callContact(ctx, run, contactId, settings);
	} catch (error) {
		throw callFailedAfterCreate(ctx, 'Contactship', error, contactId, done);
	}
}
