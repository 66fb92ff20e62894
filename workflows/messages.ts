// Message definitions without the workflow runtime. @temporalio/workflow's defineQuery/defineSignal/
// defineUpdate return exactly these plain objects (the type brands exist only for the compiler); making
// them here lets the API, the CLI and activities import a workflow's contract without loading the
// workflow package, while the workflow registers its handlers on the very same definitions.
import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';

export const query = <Ret>(name: string) => ({ type: 'query', name }) as QueryDefinition<Ret>;

export const signal = <Args extends unknown[]>(name: string) => ({ type: 'signal', name }) as SignalDefinition<Args>;

export const update = <Ret, Args extends unknown[]>(name: string) => ({ type: 'update', name }) as UpdateDefinition<Ret, Args>;
