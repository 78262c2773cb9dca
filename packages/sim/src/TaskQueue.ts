/** A first-in, first-out queue of waiting tasks (case, activity, time queued) in typed arrays. */
export class TaskQueue {
  private cases = new Int32Array(64);
  private activities = new Int32Array(64);
  private times = new Float64Array(64);
  private head = 0;
  size = 0;
  /** The task last taken. */
  caseIndex = 0;
  activity = 0;
  queued = 0;

  push(caseIndex: number, activity: number, time: number): void {
    if (this.size === this.cases.length) this.grow();
    const at = (this.head + this.size) & (this.cases.length - 1);
    this.cases[at] = caseIndex;
    this.activities[at] = activity;
    this.times[at] = time;
    this.size++;
  }

  /** Takes the oldest task into `caseIndex`, `activity`, `queued`. */
  shift(): boolean {
    if (this.size === 0) return false;
    const at = this.head;
    this.caseIndex = this.cases[at]!;
    this.activity = this.activities[at]!;
    this.queued = this.times[at]!;
    this.head = (at + 1) & (this.cases.length - 1);
    this.size--;
    return true;
  }

  private grow(): void {
    const n = this.cases.length;
    const cases = new Int32Array(n * 2);
    const activities = new Int32Array(n * 2);
    const times = new Float64Array(n * 2);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & (n - 1);
      cases[i] = this.cases[from]!;
      activities[i] = this.activities[from]!;
      times[i] = this.times[from]!;
    }
    this.cases = cases;
    this.activities = activities;
    this.times = times;
    this.head = 0;
  }
}
