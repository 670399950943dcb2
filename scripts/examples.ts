/**
 * `npm run examples`: writes examples/*.json from the real-n8n suite's example workflows
 * (`exampleFiles`: `<node>.json`, `<node>-<name>.json`, the AI Agent ones) and removes the
 * .json files it no longer makes, so a renamed example leaves no stale copy behind.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { projectRoot } from '../test/e2e/lib/package';
import { exampleFiles } from '../test/e2e/lib/vendor';
import { e2eVendors } from '../test/e2e/vendors';

const folder = join(projectRoot, 'examples');
mkdirSync(folder, { recursive: true });
const examples = exampleFiles(e2eVendors);
const made = new Set(examples.map(({ file }) => file));
for (const file of readdirSync(folder)) {
	if (file.endsWith('.json') && !made.has(file)) {
		rmSync(join(folder, file));
		console.log(`removed examples/${file}`);
	}
}
for (const { file, workflow } of examples) {
	writeFileSync(join(folder, file), `${JSON.stringify(workflow, null, '\t')}\n`);
	console.log(`examples/${file}`);
}
