/**
 * Runs the sandbox as its own process, for `npm run dev` and for trying a node by hand:
 *
 *   node .tmp/tooling/test/sandbox/cli.js [--port 8787]
 *
 * Prints `Sandbox listening on <url>` once it accepts connections, then one line per vendor
 * with the base URL a credential uses. Stops cleanly on SIGINT/SIGTERM.
 */
import { createSandbox, sandboxVendors } from './index';

function portArgument(argv: string[]): number {
	const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	if (index === -1) return Number(process.env.SANDBOX_PORT ?? 0);
	const value = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`Invalid --port ${value}`);
	return port;
}

async function main(): Promise<void> {
	const sandbox = createSandbox();
	const url = await sandbox.start(portArgument(process.argv.slice(2)));
	console.log(`Sandbox listening on ${url}`);
	for (const vendor of sandboxVendors)
		console.log(`  ${vendor.name}: ${sandbox.baseUrl(vendor.name)}`);
	console.log(
		`  control: ${url}/__sandbox/{reset,faults,latency,rate-limit,requests,stats,state/<vendor>}`,
	);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
