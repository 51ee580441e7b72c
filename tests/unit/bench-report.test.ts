import { describe, expect, it } from 'vitest';
import type { Measurement } from '@/bench/http';
import { ratioToFloor } from '@/bench/report';

const measurement = (scenario: string, p95: number, rounds?: number[]): Measurement => ({
  scenario,
  connections: 50,
  requests: 1000,
  rps: 100,
  p50: p95 / 2,
  p95,
  p99: p95 * 1.2,
  failures: 0,
  bytesPerResponse: 1000,
  ...(rounds ? { rounds: rounds.map((each) => ({ p95: each, rps: 100 })) } : {}),
});

describe('the benchmark against its floors', () => {
  it('divides each round by the same round floor and reports the median of those ratios', () => {
    // Round 2 was slow for both: page against floor it is 1.2x, though its page p95 is the highest.
    const page = measurement('queue', 500, [400, 900, 500]);
    const floor = measurement('signedInFloor', 400, [400, 750, 250]);
    const { ratio, perRound } = ratioToFloor(page, floor);
    expect(perRound).toEqual([1, 1.2, 2]);
    expect(ratio).toBe(1.2);
  });

  it('takes the mean of the middle two ratios for an even number of rounds, not the lower one', () => {
    const page = measurement('submit', 500, [440, 500, 600, 800]);
    const floor = measurement('actionFloor', 400, [400, 400, 400, 400]);
    expect(ratioToFloor(page, floor).ratio).toBeCloseTo(1.375);
  });

  it('divides the server CPU per request the same way, round by round', () => {
    const page = { ...measurement('queue', 500, [500, 500, 500]), cpuMsPerRequest: 9 };
    const floor = { ...measurement('signedInFloor', 400, [400, 400, 400]), cpuMsPerRequest: 6 };
    page.rounds = page.rounds!.map((round, index) => ({ ...round, cpuMsPerRequest: [9, 12, 7.5][index] }));
    floor.rounds = floor.rounds!.map((round, index) => ({ ...round, cpuMsPerRequest: [6, 6, 6][index] }));
    const { ratio, perRound } = ratioToFloor(page, floor, (round) => round.cpuMsPerRequest ?? NaN);
    expect(perRound).toEqual([1.5, 2, 1.25]);
    expect(ratio).toBe(1.5);
  });

  it('divides p95 by p95 for a single round', () => {
    expect(ratioToFloor(measurement('queue', 600), measurement('signedInFloor', 400))).toEqual({ ratio: 1.5, perRound: [] });
  });
});
