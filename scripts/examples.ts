/** `npm run examples`: writes examples/<node>.json from the real-n8n suite's example workflows. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { projectRoot } from '../test/e2e/lib/package';
import { exampleFiles } from '../test/e2e/lib/vendor';
import { e2eVendors } from '../test/e2e/vendors';

const folder = join(projectRoot, 'examples');
mkdirSync(folder, { recursive: true });
for (const { file, workflow } of exampleFiles(e2eVendors)) {
	writeFileSync(join(folder, file), `${JSON.stringify(workflow, null, '\t')}\n`);
	console.log(`examples/${file}`);
}
