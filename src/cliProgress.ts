// Progress of a long CLI command (demo, backup, restore) on stderr: a redrawn bar on
// a terminal, one line per new step otherwise (so CI logs and pipes stay readable).
// The signature is the jobs' Progress, so a domain function serves both callers.
import type { Progress } from './shared/jobs';

export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

const WIDTH = 24;

export function progressBar(title: string, out: ProgressOutput = process.stderr): Progress & { done(): void } {
  let lastStep = '';
  let drawn = false;
  const report = async (percent: number, message = '') => {
    const p = Math.max(0, Math.min(100, Math.round(percent)));
    if (out.isTTY) {
      const filled = Math.round((p / 100) * WIDTH);
      const line = `${title} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(p).padStart(3)}% ${message}`;
      const max = Math.max(20, (out.columns || 80) - 1);
      out.write(`\r\x1b[2K${line.length > max ? line.slice(0, max) : line}`);
      drawn = true;
    } else if (message !== lastStep) {
      out.write(`${title} ${String(p).padStart(3)}% ${message}\n`);
    }
    lastStep = message;
  };
  return Object.assign(report, {
    done() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  });
}
