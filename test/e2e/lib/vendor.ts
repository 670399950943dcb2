/**
 * What the real-n8n suite and `npm run dev` need to know about one vendor node. Each
 * vendor is one data file in test/e2e/vendors/ exporting an `E2eVendor`; nothing else in
 * the suite names a vendor.
 *
 * Expected values may hold placeholders, matched by the suite instead of compared:
 * `'<uuid>'`, `'<iso-date>'`, `'<any>'` (anything but undefined).
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault } from '../../sandbox/server';

export const PACKAGE_NAME = 'n8n-nodes-crm-contacts';

export interface ExpectedRequest {
	method: string;
	/**
	 * Path below the vendor's sandbox prefix, query string excluded. `<uuid>` and `<any>` may
	 * stand for one segment's ids the vendor made during the run (`/v1/contacts/<uuid>/tags/…`).
	 */
	path: string;
	query?: Record<string, string>;
	/** Compared whole (placeholders allowed); omit for requests without a body. */
	body?: unknown;
	/** Only the headers named here are compared (lower-case names). */
	headers?: Record<string, string>;
}

export interface E2eWorkflow {
	/** Workflow id in n8n: 1–16 characters, letters and digits, unique across vendors. */
	id: string;
	name: string;
	/** The items the node receives (the workflow is Manual Trigger → these items → the node). */
	items: IDataObject[];
	/** The node's parameters, as the editor saves them (expressions start with `=`). */
	parameters: INodeParameters;
	/** Settings → On Error → Continue (regular output). */
	continueOnFail?: boolean;
	/** Settings → On Error → Continue (using error output): failed items go to the second output. */
	errorOutput?: boolean;
	/**
	 * Further nodes of this vendor after the first, each fed the previous one's output (e.g.
	 * Contact → Create, then Call → Start with `{{ $json.id }}`). The expected output is the
	 * last node's; `continueOnFail` and `errorOutput` apply to the first node.
	 */
	then?: Array<{ name: string; parameters: INodeParameters }>;
	/**
	 * Get Many and the like: an input item may give any number of output items (none when
	 * nothing is found). Otherwise each input item gives exactly one, and the suite checks it.
	 */
	manyPerItem?: boolean;
	/** Sandbox faults added before the run (test/sandbox/server.ts), e.g. a maintenance page. */
	faults?: Fault[];
	/** Imported into `npm run dev` as the node's example workflow. */
	example?: boolean;
	/** Sandbox requests in arrival order, exactly these and no others. */
	expectedRequests: ExpectedRequest[];
	/** The (last) node's output items (first output), in order, with each item's `pairedItem` index. */
	expectedOutput: Array<{ json: IDataObject; pairedItem: number }>;
	/**
	 * With `errorOutput`: the error output's items, in order. n8n puts the input item's fields
	 * under the node's `{message, error}` there.
	 */
	expectedErrorOutput?: Array<{ json: IDataObject; pairedItem: number }>;
}

export interface E2eDropdown {
	/**
	 * `options` (the default): a `loadOptions` method, as the editor fills a dropdown
	 * (`POST /rest/dynamic-node-parameters/options`). `listSearch`: a resource locator's
	 * search method (`POST /rest/dynamic-node-parameters/resource-locator-results`), which
	 * answers one page of results and the next page's token.
	 */
	kind?: 'options' | 'listSearch';
	methodName: string;
	/** The parameter's path, e.g. `companyId` or `customFields.field.fieldId`. */
	parameterPath: string;
	/** What the editor sends along (the node's other current values). */
	currentNodeParameters: INodeParameters;
	/** The options, or for a listSearch the page's results. */
	expected: Array<{ name: string; value: string | number }>;
	expectedRequests: ExpectedRequest[];
	/** listSearch only: what the user typed in the search box. */
	filter?: string;
	/** listSearch only: the page token sent (from the previous page's answer). */
	paginationToken?: string;
	/** listSearch only: the token the answer gives for the next page; undefined on the last page. */
	expectedPaginationToken?: string;
	/**
	 * The editor test (test/ui) opens this dropdown in the node panel: one entry per vendor, plus
	 * for a list search optionally one with a `filter` that it also types into the search box.
	 */
	openedInEditor?: boolean;
}

export interface E2eVendor {
	/** For test names, e.g. `SalesCaptain`. */
	displayName: string;
	/** The sandbox path prefix (see test/sandbox/vendors). */
	sandboxVendor: string;
	/** The node's `description.name`; n8n's type is `${PACKAGE_NAME}.${nodeName}`. */
	nodeName: string;
	nodeVersion: number;
	/** The vendor's trigger nodes (`description.name`): loaded without an AI-tool variant. */
	triggers?: string[];
	credential: {
		/** Credential id in n8n (16 letters/digits). */
		id: string;
		name: string;
		type: string;
		/** Good credential data pointing at the sandbox. */
		data(baseUrl: string): IDataObject;
		/** Data the vendor rejects (for the credential test). */
		badData(baseUrl: string): IDataObject;
		/** What the vendor's sandbox answers the bad one with, as n8n reports it. */
		badMessage: string | RegExp;
		/** What a dropdown shows with the bad data: the node's message, in the vendor's words. */
		badDropdownMessage: string;
	};
	workflows: E2eWorkflow[];
	dropdowns: E2eDropdown[];
	/** An importable AI Agent workflow with this node as the agent's tool (examples/, `npm run dev`). */
	aiAgentExample?: AiAgentExample;
}

export interface AiAgentExample {
	/** Workflow id in n8n, as for `E2eWorkflow.id`. */
	id: string;
	name: string;
	/** The tool node's parameters: IDs fixed in the node, the contact's details from `$fromAI()`. */
	toolParameters: INodeParameters;
}

export const nodeType = (vendor: E2eVendor) => `${PACKAGE_NAME}.${vendor.nodeName}`;

/** The credential as `n8n import:credentials` takes it. */
export function credentialImport(vendor: E2eVendor, sandboxUrl: string) {
	return {
		id: vendor.credential.id,
		name: vendor.credential.name,
		type: vendor.credential.type,
		data: vendor.credential.data(`${sandboxUrl}/${vendor.sandboxVendor}`),
	};
}

/** The bad credential data, imported under its own id, for dropdowns that must fail readably. */
export function badCredentialImport(vendor: E2eVendor, sandboxUrl: string) {
	return {
		id: badCredentialId(vendor),
		name: `${vendor.credential.name} with a bad key`,
		type: vendor.credential.type,
		data: vendor.credential.badData(`${sandboxUrl}/${vendor.sandboxVendor}`),
	};
}

export const badCredentialId = (vendor: E2eVendor) => `${vendor.credential.id.slice(0, 13)}Bad`;

/** The credential reference a workflow's vendor node carries: the sandbox credential. */
const credentialReference = (vendor: E2eVendor) => ({
	[vendor.credential.type]: { id: vendor.credential.id, name: vendor.credential.name },
});

/** Stable node ids, so re-importing a workflow updates it instead of adding nodes. */
function nodeIds(workflowId: string) {
	return (n: number) => {
		const hex = createHash('sha256').update(`${workflowId}/${n}`).digest('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
}

/**
 * Manual Trigger → "Items" (Edit Fields, raw JSON) → "Split Out" → the vendor node. Only
 * core nodes that run in-process, so no task runner is involved.
 */
export function workflowImport(vendor: E2eVendor, workflow: E2eWorkflow) {
	const chained = workflow.then ?? [];
	const nodeId = nodeIds(workflow.id);
	return {
		id: workflow.id,
		name: workflow.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: nodeId(1),
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: nodeId(2),
				name: 'Items',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items: workflow.items }, null, 2) },
			},
			{
				id: nodeId(3),
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'items' },
			},
			{
				id: nodeId(4),
				name: vendor.displayName,
				type: nodeType(vendor),
				typeVersion: vendor.nodeVersion,
				position: [660, 0],
				parameters: workflow.parameters,
				credentials: credentialReference(vendor),
				...(workflow.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
				...(workflow.errorOutput ? { onError: 'continueErrorOutput' } : {}),
			},
			...chained.map((next, index) => ({
				id: nodeId(5 + index),
				name: next.name,
				type: nodeType(vendor),
				typeVersion: vendor.nodeVersion,
				position: [880 + 220 * index, 0],
				parameters: next.parameters,
				credentials: credentialReference(vendor),
			})),
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: vendor.displayName, type: 'main', index: 0 }]] },
			...Object.fromEntries(
				chained.map((next, index) => [
					index === 0 ? vendor.displayName : chained[index - 1].name,
					{ main: [[{ node: next.name, type: 'main', index: 0 }]] },
				]),
			),
		},
	};
}

/** The name of the node whose output a workflow's expectations describe: the last of the chain. */
export const outputNodeName = (vendor: E2eVendor, workflow: E2eWorkflow) =>
	workflow.then?.at(-1)?.name ?? vendor.displayName;

/**
 * When chat message received → AI Agent, with a chat model and the vendor node as its tool.
 * The model is OpenAI's chat model node without a credential: any chat model node fits (the
 * sticky note says so); the agent needs one to run, the editor shows the workflow without.
 */
export function aiAgentWorkflowImport(vendor: E2eVendor, example: AiAgentExample) {
	const nodeId = nodeIds(example.id);
	const toolName = `${vendor.displayName} Tool`;
	return {
		id: example.id,
		name: example.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: nodeId(1),
				name: 'When chat message received',
				type: '@n8n/n8n-nodes-langchain.chatTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: nodeId(5),
				parameters: { options: {} },
			},
			{
				id: nodeId(2),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [240, 0],
				parameters: {
					options: {
						systemMessage: `You save the people the user tells you about as contacts in ${vendor.displayName}, with the ${toolName}. Pass only details the user gave; leave the others empty.`,
					},
				},
			},
			{
				id: nodeId(3),
				name: 'Chat Model (pick your own)',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [160, 220],
				parameters: { model: { __rl: true, mode: 'list', value: 'gpt-4.1-mini' }, options: {} },
			},
			{
				id: nodeId(4),
				name: toolName,
				type: `${nodeType(vendor)}Tool`,
				typeVersion: vendor.nodeVersion,
				position: [400, 220],
				parameters: example.toolParameters,
				credentials: credentialReference(vendor),
			},
			{
				id: nodeId(6),
				name: 'Sticky Note',
				type: 'n8n-nodes-base.stickyNote',
				typeVersion: 1,
				position: [-320, -120],
				parameters: {
					width: 300,
					height: 420,
					content: [
						'## Pick your own model',
						'Replace *Chat Model (pick your own)* with any chat model node (OpenAI, Anthropic, Ollama, …) and give it your credential.',
						`With your own ${vendor.displayName} account: in *${toolName}*, choose your credential and re-pick the IDs from the dropdowns (against \`npm run dev\`'s sandbox, nothing needs changing).`,
						"The model fills only the fields set to \`$fromAI()\`; those with a default ('') are optional.",
					].join('\n\n'),
				},
			},
		],
		connections: {
			'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'Chat Model (pick your own)': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[toolName]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

/** `salesCaptain-get-many-contacts` from "SalesCaptain: get many contacts (example)". */
function exampleSlug(vendor: E2eVendor, name: string): string {
	const words = name
		.replace(new RegExp(`^${vendor.displayName}:`), '')
		.replace(/\(example\)/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${vendor.nodeName}-${words}`;
}

/**
 * The importable example workflows, as `examples/` holds them and `npm run dev` imports them:
 * each vendor's workflows marked `example` (the first as `<node>.json`, the others as
 * `<node>-<slug of its name>.json`), the same workflows the suite executes, then its AI Agent
 * example if it has one. Credential references name the sandbox credentials; n8n asks for
 * your own when you open the node.
 */
export function exampleFiles(
	vendors: E2eVendor[],
): Array<{ file: string; workflow: { name: string } }> {
	return vendors.flatMap((vendor) => [
		...vendor.workflows
			.filter((workflow) => workflow.example)
			.map((workflow, index) => ({
				file: `${index === 0 ? vendor.nodeName : exampleSlug(vendor, workflow.name)}.json`,
				workflow: workflowImport(vendor, workflow),
			})),
		...(vendor.aiAgentExample
			? [
					{
						file: `${exampleSlug(vendor, vendor.aiAgentExample.name)}.json`,
						workflow: aiAgentWorkflowImport(vendor, vendor.aiAgentExample),
					},
				]
			: []),
	]);
}
