import { createHash } from 'node:crypto';
import { leximin } from './sortition.leximin';
import {
  assignPeople,
  combinedSeed,
  drawnPanelIndex,
  drawPanel,
  largestRemainder,
  lotteryProbabilities,
  mismatchedSeeds,
  roundToLottery,
  seedCommitment,
  SeedMismatchError,
} from './sortition.lottery';
import { loadPool } from './sortition.testing';

const bytes = (s: string) => new TextEncoder().encode(s);
const nodeSha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

describe('rounding the LEXIMIN distribution to a uniform lottery over 1 000 panels', () => {
  it('largest remainder keeps every panel within 1/M and sums to M', () => {
    const copies = largestRemainder([0.3334, 0.3333, 0.3333], 1000);
    expect(copies).toEqual([334, 333, 333]);
    expect(largestRemainder([0.0005, 0.0005, 0.999], 1000)).toEqual([1, 0, 999]);
  });

  it('on example_small_20: everyone keeps exactly 10 % (the distribution is a multiple of 1/M)', async () => {
    const instance = loadPool('example_small_20', 20);
    const result = await leximin(instance);
    const lottery = roundToLottery(result.panels, result.units, 1000);
    const panels = assignPeople(instance, result.units, lottery);
    const probabilities = lotteryProbabilities(instance.people.length, panels);
    for (const p of probabilities) expect(Math.abs(p - 0.1)).toBeLessThanOrEqual(1 / 1000 + 1e-12);
  });
});

describe('the public draw', () => {
  const seeds = [bytes('organizer: 4f1c9a'), bytes('observer: 77d2e0')];
  const commitments = seeds.map(seedCommitment);

  it('commits SHA-256(seed), hex (FIPS 180-2 test vector)', () => {
    expect(seedCommitment(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('combines the seeds in commitment order and reads the hash big-endian modulo M', () => {
    const expected = nodeSha256(Buffer.concat([Buffer.from(seeds[0]!), Buffer.from(seeds[1]!)]));
    expect(Buffer.from(combinedSeed(seeds)).equals(expected)).toBe(true);
    expect(drawnPanelIndex(combinedSeed(seeds), 1000)).toBe(Number(BigInt(`0x${expected.toString('hex')}`) % 1000n));
    // Order matters: swapping the witnesses changes the combined seed.
    expect(Buffer.from(combinedSeed([seeds[1]!, seeds[0]!])).equals(expected)).toBe(false);
    // Big-endian: 0x…0103 mod 256 = 3, mod 65536 = 259.
    const tail = new Uint8Array(32);
    tail[30] = 1;
    tail[31] = 3;
    expect(drawnPanelIndex(tail, 256)).toBe(3);
    expect(drawnPanelIndex(tail, 65536)).toBe(259);
    const draw = drawPanel(commitments, seeds, 1000);
    expect(draw).toEqual({ combinedSeed: expected.toString('hex'), index: Number(BigInt(`0x${expected.toString('hex')}`) % 1000n) });
  });

  it('refuses a seed that does not match its commitment, naming the witness', () => {
    const wrong = [seeds[0]!, bytes('observer: 77d2e1')];
    expect(mismatchedSeeds(commitments, wrong)).toEqual([1]);
    expect(() => drawPanel(commitments, wrong, 1000)).toThrow(SeedMismatchError);
    expect(() => drawPanel(commitments, wrong, 1000)).toThrow('witness 2');
    expect(() => drawPanel(commitments, [seeds[0]!], 1000)).toThrow('1 seeds revealed for 2 commitments');
  });
});
