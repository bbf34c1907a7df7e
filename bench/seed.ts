import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Agency, PayloadOf } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { toLogDocument } from '../apps/coordinator/src/write/event-log/event-log.repository';
import { EVENT_LOG_COLLECTION } from '../apps/coordinator/src/write/event-log/event-log.schema';
import { chain, GENESIS, LogEntry } from '../apps/coordinator/src/write/event-log/hash-chain';
import * as aggregate from '../apps/coordinator/src/write/consultations/consultation.aggregate';
import type { Change } from '../apps/coordinator/src/write/consultations/consultation.aggregate';
import type { Consultation } from '../apps/coordinator/src/write/consultations/consultation.model';
import {
  StoredConsultation,
  toVersion,
} from '../apps/coordinator/src/write/consultations/consultation.repository';
import {
  CONSULTATION_VERSION_COLLECTION,
  ConsultationVersionDocument,
} from '../apps/coordinator/src/write/consultations/consultation.schema';
import { ConsultationView } from '../apps/coordinator/src/write/consultations/consultation-view';
import { pipelined } from './stats';

export const CLEARERS: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];

export function opening(clearers: Agency[] = CLEARERS): PayloadOf<'consultation.opened'> {
  return {
    ...validPayload('consultation.opened'),
    consultationId: randomUUID(),
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    clearingParties: clearers,
    requestedAt: undefined,
  };
}

export function signOff(consultationId: string, agency: Agency): PayloadOf<'signoff.submitted'> {
  return {
    consultationId,
    agency,
    revision: 1,
    decision: 'concur',
    officer: { name: 'Bench Officer', title: 'Reviewer' },
    submittedAt: new Date().toISOString(),
  };
}

interface Seeded {
  stored: StoredConsultation;
  version: ConsultationVersionDocument;
  log: LogEntry[];
}

/** One change as the coordinator logs it: the cause, the aggregate's notes, its events. */
function logged(
  head: { seq: number; hash: string },
  id: string,
  cause: { eventId: string; type: string; actor: string },
  change: Extract<Change, { ok: true }>,
  at: string,
) {
  const items: Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[] = [
    { consultationId: id, ...cause, summary: change.notes[0]?.summary ?? cause.type, at },
    ...change.notes.slice(1).map((n) => ({
      consultationId: id,
      eventId: cause.eventId,
      type: n.type,
      actor: n.actor,
      summary: n.summary,
      at,
    })),
    ...change.events.map((e, i) => ({
      consultationId: id,
      eventId: `${cause.eventId}:${i}`,
      type: e.name,
      actor: 'coordinator',
      summary: e.name,
      at,
    })),
  ];
  return chain(head, items);
}

/**
 * A stored consultation made by the coordinator's own aggregate and hash
 * chain: opened (and, unless `open`, withdrawn), with its log. What a desk
 * accumulates, without the bus round trips, so 100,000 seed in minutes.
 */
function seedOne(open: boolean, at: string): Seeded {
  const cmd = opening();
  const id = cmd.consultationId;
  const opened = aggregate.openConsultation(cmd, { now: at, eventId: randomUUID() });
  if (!opened.ok) throw new Error(`seed refused: ${opened.code} ${opened.message}`);
  let state: Consultation = { ...opened.state, version: 1 };
  let { entries, head } = logged(
    { seq: 0, hash: GENESIS },
    id,
    { eventId: randomUUID(), type: 'consultation.opened', actor: 'state-pm' },
    opened,
    at,
  );
  const log = [...entries];
  const processed = [randomUUID()];
  if (!open) {
    const eventId = randomUUID();
    const withdrawn = aggregate.withdraw(
      state,
      { ...validPayload('consultation.withdrawn'), consultationId: id },
      { now: at, eventId },
    );
    if (!withdrawn.ok) throw new Error(`seed refused: ${withdrawn.code} ${withdrawn.message}`);
    state = { ...withdrawn.state, version: 2 };
    ({ entries, head } = logged(
      head,
      id,
      { eventId, type: 'consultation.withdrawn', actor: 'state-pm' },
      withdrawn,
      at,
    ));
    log.push(...entries);
    processed.push(eventId);
  }
  const stored: StoredConsultation = { consultation: state, processed, outbox: [], logHead: head };
  return { stored, version: toVersion(stored, new Date(at)), log };
}

/**
 * Stores `count` consultations, `open` of them still in review, straight
 * into the coordinator's collections and read model. Returns the ids of the
 * open ones.
 */
export async function seedConsultations(
  app: INestApplicationContext,
  count: number,
  open: number,
  progress?: (done: number) => void,
): Promise<string[]> {
  const versions = app.get<Model<ConsultationVersionDocument>>(
    getModelToken(CONSULTATION_VERSION_COLLECTION),
  );
  const eventLog = app.get<Model<LogEntry>>(getModelToken(EVENT_LOG_COLLECTION));
  const view = app.get(ConsultationView);
  const openIds: string[] = [];
  const batch = 1_000;
  const base = Date.parse('2026-01-05T14:00:00.000Z');
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const seeded = Array.from({ length: n }, (_, i) => {
      const k = done + i;
      // The open ones are spread over the whole history.
      const isOpen = k % Math.max(1, Math.floor(count / open)) === 0 && openIds.length < open;
      const s = seedOne(isOpen, new Date(base + k * 60_000).toISOString());
      if (isOpen) openIds.push(s.version.consultationId);
      return s;
    });
    await versions.collection.insertMany(seeded.map((s) => s.version) as never[], {
      ordered: false,
    });
    await eventLog.collection.insertMany(
      seeded.flatMap((s) => s.log.map(toLogDocument)) as never[],
      { ordered: false },
    );
    await pipelined(seeded.length, 64, (i) => {
      const { consultation, logHead } = seeded[i].stored;
      return view.publish(consultation, logHead, {
        durable: true,
      });
    });
    progress?.(done + n);
  }
  return openIds;
}
