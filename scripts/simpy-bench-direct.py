#!/usr/bin/env python3
"""SimPy model of examples/bench-direct.yaml, for scripts/bench-simpy.

500 agents in one queue, Poisson arrivals at 6,000 calls/h, exponential handling (mean 290 s),
exponential patience (mean 120 s): a caller who is not answered within their patience hangs up.
The textbook SimPy model (a Resource and a request raced against a patience timeout), with one
change a SimPy expert would make and our engine makes too: a caller who finds an agent free is
answered at once, without building the race (a Timeout and an AnyOf condition) that can only end
one way. The results are the same draw for draw; SimPy runs about 1.5x faster with it, so the
ratio to `ivr simulate` is the fairer (lower) one.

    python3 scripts/simpy-bench-direct.py [DAYS] [SEED]

Prints one JSON line: calls, answered, abandoned, service level (20 s), CPU seconds
(time.process_time) and calls per CPU second, so the ratio to `ivr simulate` holds on any machine.
"""
import json
import random
import sys
import time

import simpy

AGENTS = 500
PER_HOUR = 6000.0
HANDLING_MEAN = 290.0
PATIENCE_MEAN = 120.0
TARGET = 20.0


def run(days, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    counts = {"calls": 0, "answered": 0, "abandoned": 0, "within": 0}
    horizon = days * 86400.0

    def caller():
        joined = env.now
        patience = rng.expovariate(1 / PATIENCE_MEAN)
        with agents.request() as request:
            if request.triggered:          # an agent is free: no race with patience needed
                yield request
                answered = True
            else:
                result = yield request | env.timeout(patience)
                answered = request in result
            if answered:
                counts["answered"] += 1
                if env.now - joined <= TARGET:
                    counts["within"] += 1
                yield env.timeout(rng.expovariate(1 / HANDLING_MEAN))
            else:
                counts["abandoned"] += 1

    def arrivals():
        rate = PER_HOUR / 3600
        while True:
            yield env.timeout(rng.expovariate(rate))
            if env.now >= horizon:
                return
            counts["calls"] += 1
            env.process(caller())

    env.process(arrivals())
    started = time.process_time()
    env.run()                      # until the last caller has finished
    cpu = time.process_time() - started
    counts["service_level"] = counts["within"] / max(1, counts["calls"])
    counts["cpu_s"] = round(cpu, 3)
    counts["calls_per_cpu_s"] = round(counts["calls"] / cpu) if cpu > 0 else None
    counts["days"] = days
    return counts


if __name__ == "__main__":
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print(json.dumps(run(days, seed)))
