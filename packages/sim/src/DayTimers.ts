/**
 * Wake-ups due at the start of a working day, kept in one bucket per day
 * (linked lists in typed arrays) instead of the event heap: legal clocks
 * fire only at day boundaries, and most never fire at all, so a bucket per
 * day keeps them out of the heap's way. Within a day they run in the order
 * they were set.
 */
export class DayTimers {
  private heads = new Int32Array(1024).fill(-1);
  private tails = new Int32Array(1024).fill(-1);
  private links = new Int32Array(256);
  private cases = new Int32Array(256);
  private details = new Int32Array(256);
  private free = -1;
  private used = 0;
  private cursor = 0;
  /** Timers set and not yet taken. */
  size = 0;
  /** The timer last taken. */
  caseIndex = 0;
  detail = 0;

  /** Sets a wake-up at the start of working day `day`. */
  push(day: number, caseIndex: number, detail: number): void {
    while (day >= this.heads.length) this.growDays();
    let at = this.free;
    if (at >= 0) this.free = this.links[at]!;
    else {
      if (this.used === this.links.length) this.growSlots();
      at = this.used++;
    }
    this.cases[at] = caseIndex;
    this.details[at] = detail;
    this.links[at] = -1;
    const tail = this.tails[day]!;
    if (tail < 0) this.heads[day] = at;
    else this.links[tail] = at;
    this.tails[day] = at;
    if (day < this.cursor) this.cursor = day;
    this.size++;
  }

  /** The first day with a timer (Infinity when none is left). */
  nextDay(): number {
    if (this.size === 0) return Infinity;
    while (this.heads[this.cursor]! < 0) this.cursor++;
    return this.cursor;
  }

  /** Takes the first timer of `day` into `caseIndex` and `detail`. */
  take(day: number): boolean {
    const at = this.heads[day]!;
    if (at < 0) return false;
    this.caseIndex = this.cases[at]!;
    this.detail = this.details[at]!;
    const next = this.links[at]!;
    this.heads[day] = next;
    if (next < 0) this.tails[day] = -1;
    this.links[at] = this.free;
    this.free = at;
    this.size--;
    return true;
  }

  private growDays(): void {
    const n = this.heads.length * 2;
    const heads = new Int32Array(n).fill(-1);
    const tails = new Int32Array(n).fill(-1);
    heads.set(this.heads);
    tails.set(this.tails);
    this.heads = heads;
    this.tails = tails;
  }

  private growSlots(): void {
    const n = this.links.length * 2;
    const links = new Int32Array(n);
    const cases = new Int32Array(n);
    const details = new Int32Array(n);
    links.set(this.links);
    cases.set(this.cases);
    details.set(this.details);
    this.links = links;
    this.cases = cases;
    this.details = details;
  }
}
