// Bench-only preload for the production server (`node --import ./scripts/bench/probe.mjs ...`):
// answers the bench over the IPC channel it was started with, so server-side figures need no
// change to production code. On {probe: 'snapshot'} it replies with the CPU time used, the memory
// in use and the event-loop delay since the previous snapshot (then starts a new interval).
// Plain JavaScript: it loads before tsx.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let cpuSince = process.cpuUsage();
  process.on('message', (message) => {
    if (!message || message.probe !== 'snapshot') return;
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    if (message.gc && typeof globalThis.gc === 'function') globalThis.gc();
    const ms = (ns) => ns / 1e6;
    const reply = {
      probe: 'snapshot',
      id: message.id,
      cpuMs: (cpu.user + cpu.system) / 1000,
      memory: process.memoryUsage(),
      loopDelay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
    };
    delay.reset();
    process.send(reply);
  });
  // The IPC channel must not keep the server alive on its own, nor stop it from exiting.
  process.channel?.unref();
}
