// Decodes an HdrHistogram log with hdr-histogram-js (the strict third-party reader) and prints, per tag, the
// interval histograms added up: count, percentiles and max (values as logged, microseconds for latency-bench).
// The input is a log file, or a latency-bench results file whose "histograms" field embeds one.
//   node hdr-read.js FILE
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

let text = fs.readFileSync(process.argv[2], "utf8");
if (process.argv[2].endsWith(".json")) {
  text = JSON.parse(text).histograms;
}

const reader = new hdr.HistogramLogReader(text, 64, false);
const sums = {};
let intervals = 0;
for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
  intervals++;
  const tag = h.tag || "";
  if (!sums[tag]) {
    sums[tag] = hdr.build({ bitBucketSize: 64, useWebAssembly: false, lowestDiscernibleValue: 1, highestTrackableValue: 3600000000, numberOfSignificantValueDigits: 3 });
  }
  sums[tag].add(h);
}

const out = { intervals, tags: {} };
for (const [tag, h] of Object.entries(sums)) {
  out.tags[tag] = {
    count: h.totalCount,
    p50: h.getValueAtPercentile(50),
    p90: h.getValueAtPercentile(90),
    p95: h.getValueAtPercentile(95),
    p99: h.getValueAtPercentile(99),
    p999: h.getValueAtPercentile(99.9),
    max: h.maxValue,
  };
}
process.stdout.write(JSON.stringify(out));
