/**
 * The queue-mode test (`npm run test:queue`): the package in n8n's queue mode (Redis,
 * PostgreSQL, a main and two workers). One file, in band (its cleanup handlers see every
 * child it starts). Needs Debian's redis-server and postgresql: `bash scripts/ensure-queue-services.sh`.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.queue.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// The first run on a machine installs Node 24 and n8n (about 7 minutes) inside beforeAll.
	testTimeout: 120000,
	verbose: true,
};
