// n8n-core logs every node error to stdout; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
