/**
 * A binary min-heap of simulation events in typed arrays: the time, the
 * case, and the kind with its detail packed in one integer. Ties are broken
 * by insertion order, so a run is the same every time.
 */
export class EventHeap {
  private times = new Float64Array(256);
  private order = new Int32Array(256);
  private cases = new Int32Array(256);
  private codes = new Int32Array(256);
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

  /** The time of the earliest event (Infinity when there is none). */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.times[0]!;
  }

  /** Adds an event; `kind` is 0–7 and `detail` at least 0. */
  push(time: number, kind: number, caseIndex: number, detail: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.inserted++;
    const code = (detail << 3) | kind;
    const { times, order, cases, codes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && order[parent]! < seq)) break;
      times[i] = pt;
      order[i] = order[parent]!;
      cases[i] = cases[parent]!;
      codes[i] = codes[parent]!;
      i = parent;
    }
    times[i] = time;
    order[i] = seq;
    cases[i] = caseIndex;
    codes[i] = code;
  }

  /** Takes the earliest event into `time`, `kind`, `caseIndex`, `detail`. */
  pop(): boolean {
    if (this.size === 0) return false;
    const { times, order, cases, codes } = this;
    this.time = times[0]!;
    this.caseIndex = cases[0]!;
    const code = codes[0]!;
    this.kind = code & 7;
    this.detail = code >> 3;
    const last = --this.size;
    const time = times[last]!;
    const seq = order[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      let ct = times[child]!;
      if (right < last) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && order[right]! < order[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && seq < order[child]!)) break;
      times[i] = ct;
      order[i] = order[child]!;
      cases[i] = cases[child]!;
      codes[i] = codes[child]!;
      i = child;
    }
    times[i] = time;
    order[i] = seq;
    cases[i] = cases[last]!;
    codes[i] = codes[last]!;
    return true;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    const order = new Int32Array(n);
    const cases = new Int32Array(n);
    const codes = new Int32Array(n);
    times.set(this.times);
    order.set(this.order);
    cases.set(this.cases);
    codes.set(this.codes);
    this.times = times;
    this.order = order;
    this.cases = cases;
    this.codes = codes;
  }
}
