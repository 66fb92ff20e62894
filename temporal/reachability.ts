// Whether the API's last calls reached Temporal, learned from the calls themselves (a gRPC interceptor):
// while Temporal is known to be down, a read answers from the read model at once instead of waiting for
// its deadline, and an Update that timed out is told apart from one the case did not confirm in time.
import type { Interceptor } from '@grpc/grpc-js';
import { InterceptingCall, status } from '@grpc/grpc-js';

/** How long a failure stands before the next request asks Temporal again. */
const RECHECK_MS = 2_000;

export interface TemporalReachability {
  /** The last call could not reach Temporal, and that was recently. */
  readonly knownDown: boolean;
  /** The last answered call failed for want of a connection (however long ago). */
  readonly lastUnreachable: boolean;
  readonly interceptor: Interceptor;
}

export function trackReachability(now: () => number = Date.now): TemporalReachability {
  let failedAt: number | null = null;
  const interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        next(metadata, {
          onReceiveStatus(result, forward) {
            // UNAVAILABLE: no connection. Any answer from the server itself (OK, NOT_FOUND, …) proves it
            // is there. A deadline says nothing either way (a busy worker behind an Update).
            if (result.code === status.UNAVAILABLE) failedAt = now();
            else if (result.code !== status.DEADLINE_EXCEEDED && result.code !== status.CANCELLED) failedAt = null;
            forward(result);
          },
        });
      },
    });
  return {
    get knownDown() {
      return failedAt !== null && now() - failedAt < RECHECK_MS;
    },
    get lastUnreachable() {
      return failedAt !== null;
    },
    interceptor,
  };
}
