// Puts jobs into every BullMQ state with BullMQ's own API, then prints what BullMQ itself counts.
// Usage: node make-states.js PORT QUEUE...   (the last queue is paused; every queue gets the same jobs)
// Prints one JSON line: {"version": "6.7.0", "queues": {"<name>": {"counts": {...}, "paused": true|false}}}
// where counts is BullMQ's own queue.getJobCounts(...STATES) and paused its queue.isPaused().
const { Queue, Worker, FlowProducer } = require('bullmq');

const port = Number(process.argv[2]);
const names = process.argv.slice(3);
const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
const STATES = ['wait', 'paused', 'active', 'prioritized', 'delayed', 'completed', 'failed', 'waiting-children'];

async function untilCounts(queue, wanted) {
  for (let i = 0; i < 500; i++) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if (counts.completed >= wanted.completed && counts.failed >= wanted.failed) return;
    await new Promise(r => setTimeout(r, 20));
  }
  throw new Error('worker did not finish its jobs on ' + queue.name);
}

async function fill(name) {
  const queue = new Queue(name, { connection });
  // 3 complete, 2 fail (one attempt each), processed by a real worker.
  const worker = new Worker(name, async job => {
    if (job.data.fail) throw new Error('boom ' + job.id);
    return { ok: job.id };
  }, { connection, concurrency: 5 });
  for (let i = 0; i < 3; i++) await queue.add('ok', { i });
  for (let i = 0; i < 2; i++) await queue.add('bad', { i, fail: true }, { attempts: 1 });
  await untilCounts(queue, { completed: 3, failed: 2 });
  await worker.close();

  // One job taken by a worker that never finishes it: active.
  await queue.add('slow', { slow: true });
  const taker = new Worker(name, null, { connection });
  const active = await taker.getNextJob('token-' + name);
  if (!active) throw new Error('no job to take on ' + name);
  await taker.close();

  for (let i = 0; i < 4; i++) await queue.add('waiting', { i });
  for (let i = 0; i < 2; i++) await queue.add('later', { i }, { delay: 3600000 });
  for (let i = 0; i < 3; i++) await queue.add('urgent', { i }, { priority: 5 });

  // A parent that waits for a child in another queue: waiting-children here, nothing else added here.
  const flows = new FlowProducer({ connection });
  await flows.add({ name: 'parent', queueName: name, data: {},
    children: [{ name: 'child', queueName: name + '-children', data: {} }] });
  await flows.close();
  return queue;
}

(async () => {
  const out = { version: require('bullmq/package.json').version, queues: {} };
  const queues = [];
  for (const name of names) queues.push(await fill(name));
  await queues[queues.length - 1].pause();
  for (const q of queues) {
    out.queues[q.name] = { counts: await q.getJobCounts(...STATES), paused: await q.isPaused() };
  }
  console.log(JSON.stringify(out));
  for (const q of queues) await q.close();
  process.exit(0);
})().catch(e => { console.error(e && e.stack || e); process.exit(1); });
