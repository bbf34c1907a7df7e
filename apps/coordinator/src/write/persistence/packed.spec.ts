import { pack, unpack } from './packed';

describe('packed document bodies', () => {
  it('a small body is stored as its JSON, a large one compressed, and both read back the same', () => {
    const small = { seq: 1, summary: 'NSC concurs', data: { agency: 'nsc' } };
    const large = { items: Array.from({ length: 200 }, (_, i) => ({ i, text: `entry ${i}` })) };
    const packedSmall = pack(small);
    const packedLarge = pack(large);
    expect(packedSmall[0]).toBe(0);
    expect(packedLarge[0]).toBe(1);
    expect(packedLarge.length).toBeLessThan(JSON.stringify(large).length / 2);
    expect(unpack(packedSmall)).toEqual(small);
    expect(unpack(packedLarge)).toEqual(large);
  });

  it('reads a body as the MongoDB driver hands it back (a BSON Binary)', () => {
    const value = { state: { title: 'PAC-3', reviews: [{ agency: 'dod' }] } };
    const asBinary = { buffer: new Uint8Array(pack(value)) };
    expect(unpack(asBinary)).toEqual(value);
  });
});
