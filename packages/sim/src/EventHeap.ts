/**
 * A binary min-heap of simulation events in typed arrays: the time, and
 * three integers (kind, case, detail). Ties are broken by insertion order,
 * so a run is the same every time.
 */
export class EventHeap {
  private times = new Float64Array(1024);
  private order = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private cases = new Int32Array(1024);
  private details = new Int32Array(1024);
  private inserted = 0;
  size = 0;
  /** The event last popped. */
  time = 0;
  kind = 0;
  caseIndex = 0;
  detail = 0;

  clear(): void {
    this.size = 0;
    this.inserted = 0;
  }

  push(time: number, kind: number, caseIndex: number, detail: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.inserted++;
    let i = this.size++;
    const { times, order, kinds, cases, details } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && order[parent]! < seq)) break;
      times[i] = pt;
      order[i] = order[parent]!;
      kinds[i] = kinds[parent]!;
      cases[i] = cases[parent]!;
      details[i] = details[parent]!;
      i = parent;
    }
    times[i] = time;
    order[i] = seq;
    kinds[i] = kind;
    cases[i] = caseIndex;
    details[i] = detail;
  }

  /** Takes the earliest event into `time`, `kind`, `caseIndex`, `detail`. */
  pop(): boolean {
    if (this.size === 0) return false;
    const { times, order, kinds, cases, details } = this;
    this.time = times[0]!;
    this.kind = kinds[0]!;
    this.caseIndex = cases[0]!;
    this.detail = details[0]!;
    const last = --this.size;
    const time = times[last]!;
    const seq = order[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (times[right]! < times[child]! ||
          (times[right] === times[child] && order[right]! < order[child]!))
      ) {
        child = right;
      }
      const ct = times[child]!;
      if (time < ct || (time === ct && seq < order[child]!)) break;
      times[i] = ct;
      order[i] = order[child]!;
      kinds[i] = kinds[child]!;
      cases[i] = cases[child]!;
      details[i] = details[child]!;
      i = child;
    }
    times[i] = time;
    order[i] = seq;
    kinds[i] = kinds[last]!;
    cases[i] = cases[last]!;
    details[i] = details[last]!;
    return true;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.times = grow(this.times, (k) => new Float64Array(k));
    this.order = grow(this.order, (k) => new Float64Array(k));
    this.kinds = grow(this.kinds, (k) => new Int32Array(k));
    this.cases = grow(this.cases, (k) => new Int32Array(k));
    this.details = grow(this.details, (k) => new Int32Array(k));
  }
}
