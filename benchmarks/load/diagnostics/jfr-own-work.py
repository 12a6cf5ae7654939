#!/usr/bin/env python3
"""Diagnostic: the starter's own work in a JFR recording of the A2A load target (jfr-profile.sh).

A request thread's sample is the starter's when, walking from its leaf toward the root, a frame of
io.github.genaitracing (not the benchmarks' load target) comes before any frame of the filter
chain or of Spring MVC: the time in the starter's code and in what it calls (the JSON reads, the
span's attributes, the metrics), not in the application it wraps. Each share of all samples is
turned into µs per request with the window's CPU per request.

    python3 jfr-own-work.py RECORDING FROM TO CPU_US [depth]
"""
import collections
import re
import subprocess
import sys


def samples(path, start, end):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split('jdk.ExecutionSample {')[1:]:
        time = re.search(r'startTime = (\d\d:\d\d:\d\d)', block)
        if not time or not start <= time.group(1) <= end:
            continue
        thread = re.search(r'sampledThread = "([^"]+)"', block)
        stack = block.split('stackTrace = [')[1].split(']\n')[0].split('\n')
        frames = [re.sub(r'\s+line:.*', '', line.strip()) for line in stack if line.strip() not in ('', '...')]
        yield (thread.group(1) if thread else '?'), frames


def short(frame):
    method = frame.split('(')[0]
    owner, name = method.rsplit('.', 1)
    return owner.split('.')[-1] + '.' + name


def main():
    path, start, end, cpu = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    depth = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    every = list(samples(path, start, end))
    paths = collections.Counter()
    for thread, frames in every:
        if not thread.startswith('http-nio'):
            continue
        starter = []
        for frame in frames:
            if 'ApplicationFilterChain' in frame or 'DispatcherServlet' in frame or '.benchmarks.' in frame:
                break
            if frame.startswith('io.github.genaitracing.'):
                starter.append(short(frame))
        if starter:
            paths[' > '.join(reversed(starter[-depth:]))] += 1
    total = len(every)
    own = sum(paths.values())
    print(f'{total} samples, the starter\'s own {own} ({own * 100 / total:.1f} %): {own / total * cpu:.1f} µs of {cpu} µs per request')
    for name, count in paths.most_common(25):
        print(f'  {count / total * cpu:5.2f} µs  {name}')


if __name__ == '__main__':
    main()
