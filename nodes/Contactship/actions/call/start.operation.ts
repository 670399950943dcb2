import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startCallOnce } from '../../../shared/calls';
import { readContactLocator } from '../../../shared/contact';
import { contactLocatorField, emailField, fullNameField, phoneField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { defaultCountryOption, operationOptions } from '../../../shared/properties';
import type { ApiClient } from '../../../shared/transport';
import { InputError, quote, toE164 } from '../../../shared/validate';
import { contactshipPacing } from '../../api';
import { listOutboundNumbers } from '../../methods/calls';
import { contactIdOf } from '../contact/lookup';
import { callFields, trackingMetadataOption } from './fields';
import type { CallSettings } from './mapping';
import {
	isPhoneNumber,
	readCallStart,
	STARTED_CALL,
	toCallSettings,
	toContactCallBody,
	toPhoneCallBody,
	toPhoneCallee,
} from './mapping';

export const startCallOption = {
	name: 'Start',
	value: 'start',
	description: 'Have an AI agent call a contact or a phone number',
	action: 'Start a call',
};

/** Sends one start; only a 429 is ever sent again, and a lost answer is reported (`startCallOnce`). */
export async function sendCallStart(
	ctx: IExecuteFunctions,
	client: ApiClient,
	path: '/v1/calls/single-contact-call' | '/v1/calls/single-phone-call',
	body: IDataObject,
): Promise<IDataObject> {
	return await startCallOnce(ctx, 'Contactship', async () =>
		readCallStart(await client.request({ method: 'POST', path, body, expect: STARTED_CALL })),
	);
}

/**
 * The From Number in the form an endpoint takes: its ID (contact calls) or the number (phone
 * calls). Given the other way, it is looked up among the outbound numbers, once per run.
 */
export async function resolveFromNumber(
	run: OperationRun,
	given: string,
	want: 'id' | 'number',
): Promise<string> {
	const byNumber = isPhoneNumber(given);
	if (want === 'number' && byNumber) return toE164(given, 'From Number');
	if (want === 'id' && !byNumber) return given;
	const numbers = await run.once('outboundNumbers', 'Reading the outbound numbers', async () =>
		listOutboundNumbers(run.client),
	);
	const wanted = byNumber ? toE164(given, 'From Number') : given;
	const found = numbers.find((entry) => (byNumber ? entry.phone_number : entry.id) === wanted);
	if (!found)
		throw new InputError(
			`From Number ${quote(given)} is not one of the outbound numbers of your Contactship organisation`,
			'Choose the number from the list, or give the ID or number Contactship shows under Phone Numbers.',
		);
	return String(want === 'id' ? found.id : found.phone_number);
}

/** Starts a call to an existing contact (Call → Start, and Call After Create). */
export async function callContact(
	ctx: IExecuteFunctions,
	run: OperationRun,
	contactId: string,
	settings: CallSettings,
): Promise<IDataObject> {
	const fromNumberId = await resolveFromNumber(run, settings.fromNumber, 'id');
	return await sendCallStart(
		ctx,
		run.client,
		'/v1/calls/single-contact-call',
		toContactCallBody(contactId, settings, fromNumberId),
	);
}

export const start: Operation = {
	option: startCallOption,
	toolDescription:
		"Has a Contactship AI agent phone someone and returns the call's ID (call_id). To call a contact that exists, give its ID, or its email or phone number to look it up; to call a number with no contact, give the phone number with its country code (such as +12124567890) and the person's full name. The agent and the number the call comes from are set in the node; never invent IDs. Each run starts one call: do not call the same person twice, and if the answer says it is unknown whether the call started, do not try again.",
	properties: [
		{
			displayName: 'Call To',
			name: 'callTo',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Contact',
					value: 'contact',
					description: 'A contact in Contactship: the agent gets its name and data',
				},
				{
					name: 'Phone Number',
					value: 'phoneNumber',
					description: 'Any number, with no contact in Contactship',
				},
			],
			default: 'contact',
		},
		{
			...contactLocatorField({
				idPlaceholder: 'e.g. c1d2e3f4-a5b6-7890-cdef-123456789012',
				byEmail: true,
				byPhone: true,
				description: 'The contact to call: by ID, or looked up by its email or phone number',
			}),
			displayOptions: { show: { callTo: ['contact'] } },
		},
		{
			...phoneField({ required: true, description: 'The number the agent calls.' }),
			displayOptions: { show: { callTo: ['phoneNumber'] } },
		},
		{
			...fullNameField({
				required: true,
				description: 'Name of the person called; the agent uses it in the conversation',
			}),
			displayOptions: { show: { callTo: ['phoneNumber'] } },
		},
		{ ...emailField(), displayOptions: { show: { callTo: ['phoneNumber'] } } },
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'United States',
			description: 'Country of the person called, passed to the agent',
			displayOptions: { show: { callTo: ['phoneNumber'] } },
		},
		...callFields,
		operationOptions('Contactship', contactshipPacing, [
			defaultCountryOption,
			trackingMetadataOption,
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/call-events',
				description:
					'Where Contactship posts the events of this call (Call To → Phone Number only; Contactship takes it for no other call)',
			},
		]),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		// Everything is checked before anything is sent.
		const settings = toCallSettings(parameters);
		const options = (parameters.options ?? {}) as IDataObject;
		if (parameters.callTo === 'phoneNumber') {
			const callee = toPhoneCallee(parameters);
			const fromNumber = await resolveFromNumber(run, settings.fromNumber, 'number');
			return await sendCallStart(
				this,
				run.client,
				'/v1/calls/single-phone-call',
				toPhoneCallBody(callee, settings, fromNumber),
			);
		}
		if (options.webhookUrl)
			throw new InputError(
				'Webhook URL is taken only for calls to a phone number',
				'Clear it, or set Call To to Phone Number.',
			);
		const contactId = await contactIdOf(run.client, readContactLocator(parameters));
		return await callContact(this, run, contactId, settings);
	},
};
