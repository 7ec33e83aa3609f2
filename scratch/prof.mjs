import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [from, to] = [Number(process.argv[3] ?? 0) * 1e6, Number(process.argv[4] ?? 1e9) * 1e6];
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
let t = p.startTime;
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map();
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  const rel = t - p.startTime;
  if (rel < from || rel > to) continue;
  const dt = p.timeDeltas[i] / 1000;
  const n = byId.get(p.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const m = byId.get(id);
    const k = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').slice(-2).join('/')}:${m.callFrame.lineNumber}`;
    if (seen.has(k)) continue; seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
}
console.log('SELF');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(2).padStart(8), k);
console.log('TOTAL');
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 1000).toFixed(2).padStart(8), k);
