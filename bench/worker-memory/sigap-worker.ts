// The measured process for Sigap: the production worker entry point itself (temporal/worker-main.ts),
// configured by the environment as in production (SIGAP_WORKER_CACHED_CASES, SIGAP_WORKFLOW_BUNDLE, …).
import './probe';
import '../../temporal/worker-main';
