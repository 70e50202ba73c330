"""The throughput run with the worker host killed (kill -9) again and again.

    .venv/bin/python bench/reminders_kill9.py --count 3000 --kills 10

The whole worker host (main process and pool children) gets SIGKILL at a
random moment --min..--max seconds after it has started sending, and is
started again, --kills times while reminders are still being sent. At the end
it prints how many reminders were lost and how many came twice; both must be
0. Recovery relies on what production has:
acks_late + reject_on_worker_lost, idempotent send tasks, and the sweeper
(run by beat) re-queueing deliveries left "queued" or "sending".
"""

import random
import time

from reminders_harness import Harness, arguments


def main():
    parser = arguments(__doc__.splitlines()[0], count=3000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--min", type=float, default=2.0)
    parser.add_argument("--max", type=float, default=6.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    harness = Harness(args)
    try:
        started = harness.start_run()
        # Kill only a worker that is busy sending: after it has sent something
        # since its (re)start, at a random moment 2-6 s later.
        state = {"kills": 0, "sent_at_start": 0, "busy_since": None}

        def maybe_kill(counts):
            sent = counts.get("sent", 0)
            if state["kills"] >= args.kills or sent >= args.count:
                return
            now = time.monotonic()
            if state["busy_since"] is None:
                if sent > state["sent_at_start"]:
                    state["busy_since"] = now
                    state["wait"] = rng.uniform(args.min, args.max)
                return
            if now - state["busy_since"] >= state["wait"]:
                harness.kill_worker()
                state["kills"] += 1
                print(f"  kill -9 #{state['kills']} ({counts})", flush=True)
                harness.start_worker()
                state["sent_at_start"] = sent
                state["busy_since"] = None

        took = harness.wait_all_sent(args.count, started, on_tick=maybe_kill)
        time.sleep(3)  # late re-sends after the last count
        print()
        print(f"worker killed with SIGKILL: {state['kills']} times")
        if took is None:
            print(f"NOT all delivered within {args.timeout:.0f} s")
        else:
            print(f"all delivered after {took:.1f} s")
        lost, duplicates = harness.report(args.count)
        ok = took is not None and lost == 0 and duplicates == 0
        return 0 if ok and state["kills"] >= args.kills else 1
    finally:
        harness.stop()


if __name__ == "__main__":
    raise SystemExit(main())
