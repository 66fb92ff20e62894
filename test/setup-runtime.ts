// Keeps the SDK's own logging (bundler output, worker state changes) out of test output unless it warns.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
