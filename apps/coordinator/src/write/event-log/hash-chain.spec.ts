import { canonicalJson, chain, GENESIS, LogEntry, verifyChain } from './hash-chain';

function aLog(n: number): { entries: LogEntry[]; head: { seq: number; hash: string } } {
  return chain(
    { seq: 0, hash: GENESIS },
    Array.from({ length: n }, (_, i) => ({
      consultationId: 'c1',
      eventId: `e${i + 1}`,
      type: 'signoff.submitted',
      actor: 'dod',
      summary: `entry ${i + 1}`,
      at: `2026-01-0${(i % 9) + 1}T00:00:00.000Z`,
      data: { decision: 'concur', n: i },
    })),
  );
}

describe('the hash-chained event log', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });

  it('an untouched log verifies', () => {
    const { entries, head } = aLog(5);
    expect(verifyChain(entries, head)).toEqual({ ok: true, entries: 5, head: head.hash });
  });

  it('an edited entry is found by its sequence number', () => {
    const { entries, head } = aLog(5);
    entries[2] = { ...entries[2], data: { decision: 'non-concur', n: 2 } };
    expect(verifyChain(entries, head)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'altered',
    });
  });

  it('a removed entry is found', () => {
    const { entries, head } = aLog(5);
    entries.splice(1, 1);
    expect(verifyChain(entries, head)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'removed',
    });
  });

  it('two swapped entries are found', () => {
    const { entries, head } = aLog(5);
    const swapped = [
      entries[0],
      { ...entries[2], seq: 2 },
      { ...entries[1], seq: 3 },
      entries[3],
      entries[4],
    ];
    expect(verifyChain(swapped, head)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'reordered',
    });
  });

  it('entries cut off the end are found against the recorded head', () => {
    const { entries, head } = aLog(5);
    expect(verifyChain(entries.slice(0, 3), head)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'truncated',
    });
  });

  it('re-hashing an edited entry still breaks the next link', () => {
    const { entries, head } = aLog(4);
    const { seq: _s, prevHash: _p, hash: _h, ...content } = entries[1];
    const forged = chain({ seq: 1, hash: entries[0].hash }, [{ ...content, summary: 'forged' }])
      .entries[0];
    expect(verifyChain([entries[0], forged])).toMatchObject({ ok: true });
    const tampered = [entries[0], forged, entries[2], entries[3]];
    expect(verifyChain(tampered, head)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'reordered',
    });
  });
});
