// Reads and works queues that Pitwall's simulator wrote, with the real npm bullmq, and prints what it saw as JSON.
// Usage: node compat.js <redisPort> <phase> <queue> [jobIds...]
//   read:   getJobCounts() and getJob(id) for each id
//   retry:  job.retry() for each id (BullMQ's own reprocess of a failed job)
//   work:   a real Worker processes the queue until every id completed; then their jobs and the counts
const { Queue, Worker } = require('bullmq');

const [port, phase, queueName, ...ids] = process.argv.slice(2);
const connection = { host: '127.0.0.1', port: Number(port), maxRetriesPerRequest: null };

function describe(job) {
  if (!job) return null;
  return {
    id: job.id, name: job.name, data: job.data, opts: job.opts, timestamp: job.timestamp,
    processedOn: job.processedOn ?? null, finishedOn: job.finishedOn ?? null,
    attemptsMade: job.attemptsMade, failedReason: job.failedReason ?? null,
    stacktrace: job.stacktrace ?? null, returnvalue: job.returnvalue ?? null,
  };
}

async function jobsOf(queue) {
  const jobs = {};
  for (const id of ids) {
    const job = await queue.getJob(id);
    jobs[id] = describe(job);
    if (job) jobs[id].state = await job.getState();
  }
  return jobs;
}

(async () => {
  const queue = new Queue(queueName, { connection });
  const out = { phase };
  if (phase === 'read') {
    out.counts = await queue.getJobCounts();
    out.jobs = await jobsOf(queue);
  } else if (phase === 'retry') {
    for (const id of ids) await (await queue.getJob(id)).retry('failed');
    out.counts = await queue.getJobCounts();
  } else if (phase === 'work') {
    const pending = new Set(ids);
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('jobs not completed in time: ' + [...pending])), 15000);
      const worker = new Worker(queueName, async job => ({ processedBy: 'bullmq', runId: job.data.runId }),
        { connection });
      worker.on('completed', job => {
        pending.delete(job.id);
        if (pending.size === 0) { clearTimeout(timer); worker.close().then(resolve); }
      });
      worker.on('failed', (job, err) => { clearTimeout(timer); reject(err); });
    });
    await done;
    out.counts = await queue.getJobCounts();
    out.jobs = await jobsOf(queue);
  } else {
    throw new Error('unknown phase ' + phase);
  }
  await queue.close();
  // Exit only once the output is flushed: a pipe write is asynchronous, exit() would cut it at 64 KiB.
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
})().catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
