/**
 * The nodes as AI Agent tools, through n8n's own tool interface: n8n-core's createNodeAsTool
 * builds the schema the model fills from the node's `$fromAI()` expressions and reads the tool
 * description. Each node is configured as the README's "Use as an AI Agent tool" section shows:
 * a field the model may leave empty carries a default in `$fromAI`, so it is an optional input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { Contactship } from '../../nodes/Contactship/Contactship.node';
import { RevyOps } from '../../nodes/RevyOps/RevyOps.node';
import { SalesCaptain } from '../../nodes/SalesCaptain/SalesCaptain.node';
import { Thoughtly } from '../../nodes/Thoughtly/Thoughtly.node';
import { Wipsy } from '../../nodes/Wipsy/Wipsy.node';
import { configuredNode, fromAI, modelSide } from '../harness/aiTool';

const CONTACT = { resource: 'contact', operation: 'create' };

describe('the nodes as AI Agent tools (n8n-core createNodeAsTool)', () => {
	it('SalesCaptain: the company is fixed; the model must give the full name, phone and email are optional', () => {
		const side = modelSide(new SalesCaptain(), {
			...CONTACT,
			company: '0b6b7a43-1c4e-4f7e-9b8e-5a2b1c3d4e5f',
			fullName: fromAI('fullName', 'The contact full name'),
			phone: fromAI('phone', 'The phone number with its country code, if known', true),
			email: fromAI('email', 'The email address, if known', true),
		});
		expect(side.properties).toEqual(['email', 'fullName', 'phone']);
		expect(side.required).toEqual(['fullName']);
	});

	it('Contactship: the model must give the full name and phone; email is optional', () => {
		const side = modelSide(new Contactship(), {
			...CONTACT,
			phone: fromAI('phone', 'The phone number with its country code'),
			fullName: fromAI('fullName', 'The contact full name'),
			email: fromAI('email', 'The email address, if known', true),
		});
		expect(side.properties).toEqual(['email', 'fullName', 'phone']);
		expect(side.required).toEqual(['fullName', 'phone']);
	});

	it('RevyOps: the company is fixed; email, LinkedIn URL and names are all optional (the node asks for one of the first two)', () => {
		const side = modelSide(new RevyOps(), {
			...CONTACT,
			company: { mode: 'domain', value: 'acme.com' },
			email: fromAI('email', 'The email address, if known', true),
			linkedinUrl: fromAI('linkedinUrl', 'The LinkedIn profile URL, if known', true),
			firstName: fromAI('firstName', 'The first name, if known', true),
			lastName: fromAI('lastName', 'The last name, if known', true),
		});
		expect(side.properties).toEqual(['email', 'firstName', 'lastName', 'linkedinUrl']);
		expect(side.required).toEqual([]);
	});

	it('Wipsy: the model must give the first name; last name, phone and email are optional', () => {
		const side = modelSide(new Wipsy(), {
			...CONTACT,
			firstName: fromAI('firstName', 'The contact first name'),
			lastName: fromAI('lastName', 'The last name, if known', true),
			phone: fromAI('phone', 'The phone number with its country code, if known', true),
			email: fromAI('email', 'The email address, if known', true),
		});
		expect(side.properties).toEqual(['email', 'firstName', 'lastName', 'phone']);
		expect(side.required).toEqual(['firstName']);
	});

	it('Thoughtly: the model must give the phone; full name and email are optional', () => {
		const side = modelSide(new Thoughtly(), {
			...CONTACT,
			phone: fromAI('phone', 'The phone number with its country code'),
			fullName: fromAI('fullName', 'The contact full name, if known', true),
			email: fromAI('email', 'The email address, if known', true),
		});
		expect(side.properties).toEqual(['email', 'fullName', 'phone']);
		expect(side.required).toEqual(['phone']);
	});

	it('the AI Agent example (examples/salesCaptain-ai-agent-tool.json) gives the model the inputs the README lists', () => {
		const example = JSON.parse(
			readFileSync(join(__dirname, '../../examples/salesCaptain-ai-agent-tool.json'), 'utf8'),
		) as { nodes: Array<{ type: string; parameters: INodeParameters }>; connections: object };
		const tool = example.nodes.find((node) => node.type.endsWith('.salesCaptainTool'))!;
		const side = modelSide(new SalesCaptain(), tool.parameters);
		expect(side.properties).toEqual(['email', 'fullName', 'phone']);
		expect(side.required).toEqual(['fullName']);
		expect(JSON.stringify(example.connections)).toContain('"ai_tool"');
	});

	it('without a default, every $fromAI field is required: the model would have to invent a phone', () => {
		const side = modelSide(new SalesCaptain(), {
			...CONTACT,
			company: '0b6b7a43-1c4e-4f7e-9b8e-5a2b1c3d4e5f',
			fullName: fromAI('fullName', 'The contact full name'),
			phone: fromAI('phone', 'The phone number'),
			email: fromAI('email', 'The email address'),
		});
		expect(side.required).toEqual(['email', 'fullName', 'phone']);
	});

	it.each([
		[
			'SalesCaptain',
			new SalesCaptain(),
			[
				'full name',
				'at least a phone number or an email',
				'country code',
				'Default Country',
				'never invent',
			],
		],
		[
			'Contactship',
			new Contactship(),
			['full name and phone number', 'country code', 'Default Country', 'never invent'],
		],
		['RevyOps', new RevyOps(), ['at least an email or a LinkedIn profile URL', 'never invent']],
		['Wipsy', new Wipsy(), ['first name', 'country code', 'Default Country', 'never invent']],
		[
			'Thoughtly',
			new Thoughtly(),
			['phone number', 'country code', 'Default Country', 'never invent'],
		],
	])(
		'%s tells the model its rules in the tool description, and the ordinary node has no such field',
		(_name, nodeType, rules) => {
			const { description } = modelSide(nodeType, { ...CONTACT });
			for (const rule of rules) expect(description).toContain(rule);
			expect(description).not.toMatch(/^Create a contact in /);
			// Only the tool variant shows (and stores) the field; the ordinary node's parameters stay as they were.
			const ordinary = configuredNode(nodeType.description, { ...CONTACT });
			expect(ordinary.parameters).not.toHaveProperty('toolDescription');
		},
	);

	it('a description the user writes is what the model reads', () => {
		const { description } = modelSide(new Thoughtly(), {
			...CONTACT,
			toolDescription: 'Adds a caller to Thoughtly.',
		});
		expect(description).toBe('Adds a caller to Thoughtly.');
	});
});
