/**
 * Every workflow of the real-n8n suite (test/e2e/vendors/<vendor>.ts), run here on n8n-core's
 * engine: the same items and parameters must send exactly the same requests, bodies byte for
 * byte, and output the same items. It is the quick guard that a change of code layout or of
 * internal names leaves what vendors receive untouched; the e2e suite proves it in the real n8n.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { expectRequests, withPlaceholders } from '../e2e/lib/expect';
import { e2eVendors } from '../e2e/vendors';
import { runNode } from '../harness/n8n';
import { createSandbox } from '../sandbox';

const sandbox = createSandbox();

beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe.each(e2eVendors.map((vendor) => [vendor.displayName, vendor] as const))(
	'%s',
	(_name, vendor) => {
		test.each(vendor.workflows.map((workflow) => [workflow.name, workflow] as const))(
			'%s',
			async (_workflowName, workflow) => {
				for (const fault of workflow.faults ?? []) sandbox.addFault(fault);
				const credentials = {
					[vendor.credential.type]: vendor.credential.data(
						sandbox.baseUrl(vendor.sandboxVendor),
					) as ICredentialDataDecryptedObject,
				};
				let run = await runNode({
					type: vendor.nodeName,
					parameters: workflow.parameters,
					items: workflow.items,
					credentials,
					continueOnFail: workflow.continueOnFail,
					onError: workflow.errorOutput ? 'continueErrorOutput' : undefined,
				});
				// A chain: each further node gets the previous one's output items.
				for (const next of workflow.then ?? []) {
					expect(run.error).toBeUndefined();
					run = await runNode({
						type: vendor.nodeName,
						parameters: next.parameters,
						items: (run.items ?? []).map((item) => item.json),
						credentials,
					});
				}
				expect(run.error).toBeUndefined();
				expectRequests(sandbox.requests(vendor.sandboxVendor), workflow.expectedRequests);
				expect(
					run.items?.map((item) => ({ json: item.json, pairedItem: item.pairedItem })),
				).toEqual(
					workflow.expectedOutput.map((output) => ({
						json: withPlaceholders(output.json),
						pairedItem: { item: output.pairedItem },
					})),
				);
				if (workflow.errorOutput) {
					// In a whole workflow n8n adds the input item's fields to an error item; here no node
					// comes before, so only the node's own `message` and `error` are there.
					const ownFields = ({ message, error }: IDataObject) => ({ message, error });
					expect(
						run.errorItems?.map((item) => ({ json: item.json, pairedItem: item.pairedItem })),
					).toEqual(
						(workflow.expectedErrorOutput ?? []).map((output) => ({
							json: withPlaceholders(ownFields(output.json)),
							pairedItem: { item: output.pairedItem },
						})),
					);
				}
			},
		);
	},
);
