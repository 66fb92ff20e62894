// The floor's workflow (bundled for the workflow sandbox): one Update with a validator that appends a note
// to the state and returns. With `write`, the note is also queued for one writer that records it with one
// activity after the Update has answered, the shape of a Sigap command since 'fast-commands-v1'. Nothing
// else — no codec, domain code, timers, queries or search attributes — so it is what Temporal alone costs.
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { FloorNote, FloorNoteActivities } from './floor-activities';

export interface FloorNoteInput {
  caseId: string;
  write: boolean;
}

export interface FloorNoteRequest {
  by: string;
  text: string;
}

export const floorNoteUpdate = defineUpdate<number, [FloorNoteRequest]>('addNote');

const { recordNotes } = proxyActivities<FloorNoteActivities>({ startToCloseTimeout: '1 minute' });

export async function floorNoteWorkflow(input: FloorNoteInput): Promise<void> {
  const notes: FloorNoteRequest[] = [];
  const queue: FloorNote[] = [];
  setHandler(
    floorNoteUpdate,
    (req) => {
      notes.push(req);
      if (input.write) queue.push({ caseId: input.caseId, seq: notes.length, at: new Date().toISOString() });
      return notes.length;
    },
    {
      validator: (req) => {
        if (!req?.text?.trim()) throw new Error('empty note');
      },
    },
  );
  // The one writer, as Sigap's recorder drains its queue: whatever piled up meanwhile goes in one call.
  for (;;) {
    await condition(() => queue.length > 0);
    await recordNotes(queue.splice(0));
  }
}
