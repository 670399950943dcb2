/**
 * What a new user reads in the editor: the notices and hints where users go wrong, the
 * labels, and the codex aliases the node creator searches, read from the node and credential
 * descriptions as n8n loads them (the codex through n8n-core's own loader).
 */
import { join } from 'node:path';

import { CustomDirectoryLoader } from 'n8n-core';
import type {
	ICredentialType,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { packageCredentials, packageNodes } from '../harness/package';

const root = join(__dirname, '..', '..');

function node(displayName: string): INodeTypeDescription {
	const found = packageNodes.find((candidate) => candidate.description.displayName === displayName);
	if (!found) throw new Error(`No node ${displayName}`);
	return found.description;
}

function credential(name: string): ICredentialType {
	const found = packageCredentials.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`No credential ${name}`);
	return found;
}

/** The fields shown on Contact → Create, in the editor's order. */
function createFields(description: INodeTypeDescription): INodeProperties[] {
	return description.properties.filter(
		(property) =>
			property.displayOptions?.show?.resource?.includes('contact') &&
			property.displayOptions.show.operation?.includes('create'),
	);
}

function field(description: INodeTypeDescription, name: string): INodeProperties {
	const found = createFields(description).find((property) => property.name === name);
	if (!found) throw new Error(`No field ${name} on ${description.displayName}`);
	return found;
}

const notices = (properties: INodeProperties[]) =>
	properties
		.filter((property) => property.type === 'notice')
		.map((property) => property.displayName);

describe('notices and hints', () => {
	test('Wipsy create says its dropdowns list only values some contact already uses', () => {
		const [notice, ...others] = notices(createFields(node('Wipsy')));
		expect(others).toEqual([]);
		expect(notice).toMatch(
			/Pipeline Stage, Tag and Custom Field lists show only values that some of the first 500 contacts already use/,
		);
		expect(createFields(node('Wipsy'))[0].type).toBe('notice');
	});

	test("SalesCaptain's tag and custom-field dropdowns say to choose the company first", () => {
		const salesCaptain = node('SalesCaptain');
		expect(field(salesCaptain, 'tags').hint).toBe(
			"Choose the Company first: the list shows that company's tags",
		);
		const row = field(salesCaptain, 'customFields').options as Array<{ values: INodeProperties[] }>;
		const key = row[0].values.find((column) => column.name === 'key');
		expect(key?.hint).toBe("Choose the Company first: the list shows that company's custom fields");
	});

	test.each([
		['salesCaptainApi', /in your SalesCaptain account's API settings/],
		['contactshipApi', /in the Contactship dashboard, under API settings/],
		['wipsyApi', /in your Wipsy CRM account's API settings/],
		[
			'thoughtlyApi',
			/API token and the Team ID on the Developer Settings page of the Thoughtly dashboard/,
		],
		['revyOpsApi', /in your RevyOps account's API settings/],
	])('the %s dialog opens with a notice saying where the key is', (name, where) => {
		const { properties } = credential(name);
		expect(properties[0].type).toBe('notice');
		expect(notices(properties)).toEqual([expect.stringMatching(where)]);
	});

	test('the RevyOps dialog says which of API Key and Client ID to fill', () => {
		const [notice] = notices(credential('revyOpsApi').properties);
		expect(notice).toMatch(
			/^Fill in API Key: .* Client ID is optional: add it if RevyOps gave your workspace one\. At least one of the two is needed/,
		);
	});
});

describe('labels', () => {
	test.each(
		packageNodes
			// A trigger sends no stream of requests to pace.
			.filter((type) => !type.description.group.includes('trigger'))
			.map((type) => [type.description.displayName]),
	)('%s: the pacing interval is named after Max Requests', (displayName) => {
		const options = field(node(displayName), 'options').options as INodeProperties[];
		const interval = options.find((option) => option.name === 'rateInterval');
		expect(interval?.displayName).toBe('Max Requests Interval');
		expect(options.map((option) => option.displayName)).not.toContain('Per');
	});

	test("RevyOps' company modes have names short enough for the mode selector", () => {
		const modes = field(node('RevyOps'), 'company').modes ?? [];
		expect(modes.map((mode) => mode.displayName)).toEqual(['From List', 'By ID', 'Domain']);
	});
});

describe('node creator search', () => {
	// The codex as n8n reads it: the loader copies `alias` from <Node>.node.json next to the node.
	const loader = new CustomDirectoryLoader(root) as unknown as {
		getCodex(filePath: string): { alias?: string[] };
	};
	const searchTerms = (type: INodeType) => {
		const name = type.constructor.name;
		// A trigger's codex is beside it in its vendor's folder.
		const folder = name.replace(/Trigger$/, '');
		const { alias = [] } = loader.getCodex(`nodes/${folder}/${name}.node.js`);
		return [type.description.displayName, ...alias].map((term) => term.toLowerCase());
	};
	/** Nodes whose name or an alias contains the whole query, as the node creator matches them. */
	const found = (query: string) =>
		packageNodes
			.filter((type) => searchTerms(type).some((term) => term.includes(query)))
			.map((type) => type.description.displayName);

	test.each([
		['sales captain', ['SalesCaptain']],
		['wipsy crm', ['Wipsy']],
		['crm', ['SalesCaptain', 'Contactship', 'RevyOps', 'Wipsy', 'Thoughtly']],
		// The triggers' names hold their vendor's ("Contactship Trigger" holds "contacts").
		[
			'contacts',
			['SalesCaptain', 'Contactship', 'Contactship Trigger', 'RevyOps', 'Wipsy', 'Thoughtly'],
		],
		['voice', ['Contactship', 'Contactship Trigger', 'Thoughtly', 'Thoughtly Trigger']],
		['call ended', ['Contactship Trigger', 'Thoughtly Trigger']],
	])('"%s" finds %j', (query, nodes) => {
		expect(found(query).sort()).toEqual([...nodes].sort());
	});
});
