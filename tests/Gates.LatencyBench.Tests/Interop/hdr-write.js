// Writes an HdrHistogram log with hdr-histogram-js's own writer (format 1.3, tags, two intervals of "latency",
// one of "ttft"), values in microseconds from a fixed sequence, and prints the expected counts and percentiles.
//   node hdr-write.js OUT.hlog
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

const make = (tag, start, values) => {
  const h = hdr.build({ bitBucketSize: 32, useWebAssembly: false, lowestDiscernibleValue: 1, highestTrackableValue: 3600000000, numberOfSignificantValueDigits: 3 });
  h.tag = tag;
  h.startTimeStampMsec = start;
  h.endTimeStampMsec = start + 10000;
  values.forEach((v) => h.recordValue(v));
  return h;
};

const seq = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const a = make("latency", 1700000000000, seq(700, (i) => 20000 + ((i * 7919) % 180000)));
const b = make("latency", 1700000010000, seq(300, (i) => 150000 + ((i * 104729) % 900000)));
const t = make("ttft", 1700000000000, seq(500, (i) => 5000 + ((i * 31) % 45000)));

let log = "";
const writer = new hdr.HistogramLogWriter((s) => (log += s));
writer.outputLogFormatVersion();
writer.outputStartTime(1700000000000);
writer.outputLegend();
[a, t, b].forEach((h) => writer.outputIntervalHistogram(h));
fs.writeFileSync(process.argv[2], log);

const all = make("latency", 0, []);
all.add(a);
all.add(b);
const summary = (h) => ({ count: h.totalCount, p50: h.getValueAtPercentile(50), p99: h.getValueAtPercentile(99), max: h.maxValue });
process.stdout.write(JSON.stringify({ latency: summary(all), ttft: summary(t) }));
