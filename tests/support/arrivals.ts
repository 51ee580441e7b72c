/** The most arrivals (millisecond timestamps, in order) within any one-second window. */
export function peakPerSecond(arrivals: number[]) {
  let peak = 0;
  for (let first = 0, last = 0; last < arrivals.length; last++) {
    while (arrivals[last]! - arrivals[first]! >= 1000) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}
