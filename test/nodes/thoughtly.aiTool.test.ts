/**
 * Thoughtly as an AI Agent's tools (n8n-core's createNodeAsTool): an agent can look a contact
 * up, create one and call it. Each operation gives the model its own description with the
 * rules the node checks, and the inputs configured with `$fromAI` (contact ID in the locator,
 * metadata values), with the agent chosen in the node.
 */
import { Thoughtly } from '../../nodes/Thoughtly/Thoughtly.node';
import { fromAI, modelSide } from '../harness/aiTool';

const byIdFromAI = {
	__rl: true,
	mode: 'id',
	value: fromAI('contactId', 'The Thoughtly contact ID, as a previous tool returned it'),
};

describe('Thoughtly as AI Agent tools', () => {
	test('Contact → Get: the model gives the contact ID; the description says how to look up', () => {
		const side = modelSide(new Thoughtly(), {
			resource: 'contact',
			operation: 'get',
			contact: byIdFromAI,
		});
		expect(side.properties).toEqual(['contactId']);
		expect(side.required).toEqual(['contactId']);
		expect(side.schema.contactId.description).toBe(
			'The Thoughtly contact ID, as a previous tool returned it',
		);
		for (const rule of [
			'Looks up one contact',
			'country code',
			'check whether a person exists',
			'never invent',
		])
			expect(side.description).toContain(rule);
	});

	test('Contact → Get by phone: the model gives the number', () => {
		const side = modelSide(new Thoughtly(), {
			resource: 'contact',
			operation: 'get',
			contact: {
				__rl: true,
				mode: 'phone',
				value: fromAI('phone', 'The phone number with its country code'),
			},
		});
		expect(side.required).toEqual(['phone']);
	});

	test('Contact → Create with Call After Create: the phone is required, name optional; the agent stays fixed', () => {
		const side = modelSide(new Thoughtly(), {
			resource: 'contact',
			operation: 'create',
			phone: fromAI('phone', 'The phone number with its country code'),
			fullName: fromAI('fullName', 'The contact full name, if known', true),
			callAfterCreate: true,
			agent: { __rl: true, mode: 'list', value: 'int_001' },
		});
		expect(side.properties).toEqual(['fullName', 'phone']);
		expect(side.required).toEqual(['phone']);
		for (const rule of ['Requires the contact', 'Call After Create', 'do not create it again'])
			expect(side.description).toContain(rule);
	});

	test('Call → Start: contact ID and a script variable from the model, the agent fixed; never twice is said', () => {
		const side = modelSide(new Thoughtly(), {
			resource: 'call',
			operation: 'start',
			contact: byIdFromAI,
			agent: { __rl: true, mode: 'list', value: 'int_001' },
			metadata: {
				field: [
					{
						key: 'reason',
						value: fromAI('reason', 'Why the agent calls, in a few words, if known', true),
					},
				],
			},
		});
		expect(side.properties).toEqual(['contactId', 'reason']);
		expect(side.required).toEqual(['contactId']);
		for (const rule of [
			'phone a contact now',
			'never invent',
			'Only call a contact the user asked to call',
			'do not call again',
		])
			expect(side.description).toContain(rule);
	});

	test('each operation has its own description', () => {
		const texts = ['create', 'get', 'getAll', 'delete'].map(
			(operation) => modelSide(new Thoughtly(), { resource: 'contact', operation }).description,
		);
		texts.push(modelSide(new Thoughtly(), { resource: 'call', operation: 'start' }).description);
		expect(new Set(texts).size).toBe(5);
	});
});
