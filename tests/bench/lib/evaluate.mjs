// Turns the raw scenario results into table rows: metric, ours, reference, ratio, target, verdict.

const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
const kb = (v) => (Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : '—');
const mb = (v) => (Number.isFinite(v) ? `${(v / 1048576).toFixed(1)} MB` : '—');
const s = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} s` : '—');
const num = (v) => (Number.isFinite(v) ? v.toLocaleString('en-US') : '—');
const ratioText = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');

function row(metric, ours, reference, { ratio = null, target = '', pass = null } = {}) {
  // Near a ×-target, two decimals can hide which side of it the ratio is on.
  const limit = Number((/([\d.]+)×/.exec(target) ?? [])[1]);
  const text =
    ratio === null
      ? ''
      : Number.isFinite(limit) && Math.abs(ratio - limit) < 0.005
        ? `${ratio.toFixed(3)}×`
        : ratioText(ratio);
  return {
    metric,
    ours,
    reference,
    ratio: text,
    target,
    verdict: pass === null ? '' : pass === 'n/m' ? 'not measurable yet' : pass ? 'pass' : 'MISS',
  };
}

/** Rows and method text for scenarios run in several interleaved rounds (see lib/rounds.mjs). */
function roundRow(r, label, format) {
  if (!r.rounds || r.rounds.length < 2) return [];
  const each = r.rounds
    .map(({ ours, reference }) => `${format(ours)} / ${format(reference)} (${ratioText(ours / reference)})`)
    .join('; ');
  return [row(`${label}, each round: ours / reference`, each, '')];
}

function roundsMethod(r) {
  if (!r.rounds || r.rounds.length < 2) return [];
  return [
    `Run ${r.rounds.length} times per server, interleaved (ours, reference, reference, ours, …) so that noise from other work on this shared 2-core machine hits both alike; each figure is the median over the rounds (drops: the worst round; edit counts: all rounds added up).`,
  ];
}

function failed(name, value) {
  return value && value.error ? `${name} failed: ${value.error.split('\n')[0]}` : null;
}

export function evaluate(raw, { quick }) {
  const sections = [];
  if (raw.S1) sections.push(s1(raw.S1, quick));
  if (raw.S1SAT) sections.push(s1Saturation(raw.S1SAT));
  if (raw.S2) sections.push(s2(raw.S2));
  if (raw.S3) sections.push(s3(raw.S3));
  if (raw.S4) sections.push(s4(raw.S4));
  if (raw.S7) sections.push(s7(raw.S7));
  if (raw.S8) sections.push(s8(raw.S8));
  if (raw.S9) sections.push(s9(raw.S9));
  return sections;
}

function pairErrors(r) {
  if (r.error) return [`scenario failed: ${r.error.split('\n')[0]}`];
  return [failed('ours', r.ours), failed('reference', r.reference)].filter(Boolean);
}

function serverLogNote(r) {
  const notes = [];
  for (const kind of ['ours', 'reference']) {
    const log = r[kind]?.serverLog;
    if (log && log.errorLines > 0)
      notes.push(`${kind} server logged ${log.errorLines} error line(s), e.g. \`${log.first[0]}\``);
    if (r[kind] && r[kind].serverAlive === false) notes.push(`${kind} server process died during the scenario`);
  }
  return notes;
}

function s1Saturation(r) {
  const o = r.ours ?? {};
  const f = r.reference ?? {};
  const rows = [];
  const rate = (v) => (Number.isFinite(v) ? `${num(v)} edits/s` : '—');
  if (Number.isFinite(o.saturation) && Number.isFinite(f.saturation)) {
    const ratio = o.saturation / f.saturation;
    rows.push(
      row('sustained edits/s with p99 < 100 ms', rate(o.saturation), rate(f.saturation), {
        ratio,
        target: '≥ 1.5×',
        pass: ratio >= 1.5,
      }),
    );
    rows.push(...roundRow(r, 'saturation', rate));
    const stepsText = (steps) =>
      (steps ?? [])
        .map(
          (step) =>
            `${step.rate}: p99 ${ms(step.p99)}${step.drops ? `, ${num(step.drops)} drops` : ''}${step.achieved < 0.9 * step.rate ? `, sent ${num(Math.round(step.achieved))}/s` : ''}`,
        )
        .join('; ');
    rows.push(row('steps (edits/s: p99) of the median round', stepsText(o.steps), stepsText(f.steps)));
  }
  return {
    id: 'S1SAT',
    title: `S1-saturation — one document, ${o.clients ?? 200} clients, awareness 1 Hz, edit rate stepped up`,
    rows,
    notes: [...pairErrors(r), ...serverLogNote(r)],
    method: [
      `${o.clients ?? 200} y-websocket clients on one document (each from its own loopback address), awareness 1 Hz each. The total edit rate (round-robin over the clients, edits as in S1) steps up: ${(o.steps ?? []).map((step) => step.rate).join(', ') || '50, 100, 200, …'} edits/s; each step runs 1 s unmeasured, then ${o.stepSeconds ?? 8} s measured, then waits until every edit reached every client (pairs missing after 5 s without progress, or after 15 s, are drops). A step holds if its p99 propagation latency is under 100 ms, no edit × receiver pair is missing and the clients sent at least 90% of the rate; the result is the highest step that held (the run stops at the first that does not).`,
      'Our server runs with 250 sockets per document allowed and the per-account and per-document write budgets lifted (the reference has neither; at these rates the budgets, not the fan-out, would set the limit).',
      'All clients live in the benchmark process: on 2 cores their own decoding (200 Y.Docs applying every edit) competes with the server for CPU, so the figure is a lower bound for both servers and the ratio is what counts.',
      ...roundsMethod(r),
    ],
  };
}

function s1(r, quick) {
  const o = r.ours ?? {};
  const f = r.reference ?? {};
  const rows = [];
  const notes = [...pairErrors(r)];
  if (o.latency && f.latency) {
    const p50 = o.latency.p50 / f.latency.p50;
    const p99 = o.latency.p99 / f.latency.p99;
    rows.push(
      row('propagation latency p50', ms(o.latency.p50), ms(f.latency.p50), {
        ratio: p50,
        target: '≤ 1.25×',
        pass: p50 <= 1.25,
      }),
    );
    rows.push(
      row('propagation latency p99', ms(o.latency.p99), ms(f.latency.p99), {
        ratio: p99,
        target: '≤ 1.5×',
        pass: p99 <= 1.5,
      }),
    );
    rows.push(...roundRow(r, 'p50', ms));
    rows.push(
      row(
        'latency p90 / max',
        `${ms(o.latency.p90)} / ${ms(o.latency.max)}`,
        `${ms(f.latency.p90)} / ${ms(f.latency.max)}`,
      ),
    );
    rows.push(
      row('drops (edit × receiver pairs never received)', num(o.drops), num(f.drops), {
        target: '0',
        pass: o.drops === 0,
      }),
    );
    rows.push(
      row(
        'edits sent / receipts measured',
        `${num(o.sent)} / ${num(o.latency.n)}`,
        `${num(f.sent)} / ${num(f.latency.n)}`,
      ),
    );
    rows.push(
      row('server CPU during the run', s(o.cpuSeconds), s(f.cpuSeconds), { ratio: o.cpuSeconds / f.cpuSeconds }),
    );
    rows.push(row('PostgreSQL CPU during the run (not in the target)', s(o.postgresCpuSeconds), 'n/a'));
    rows.push(
      row(
        'edits found in PostgreSQL afterwards',
        o.persisted === null ? '—' : `${num(o.persisted)} / ${num(o.sent)}`,
        'n/a (in memory)',
        { target: 'all', pass: o.persisted === o.sent },
      ),
    );
    if (!o.converged || !f.converged) notes.push(`final text converged: ours ${o.converged}, reference ${f.converged}`);
    if (o.reconnects || f.reconnects) notes.push(`client reconnects: ours ${o.reconnects}, reference ${f.reconnects}`);
  }
  return {
    id: 'S1',
    title: `S1 — one document, ${o.clients ?? 50} clients, 100 edits/s, awareness 1 Hz, ${o.seconds ?? 20} s`,
    rows,
    notes: [...notes, ...serverLogNote(r)],
    method: [
      `${o.clients ?? 50} y-websocket clients (each its own Y.Doc) on one document; a 2 s warm-up at the same rate is not counted. Edits go round-robin over the clients at 100/s in total; each inserts \`#<edit>:<send time>;\` at the end of a Y.XmlText inside a paragraph of the 'default' Y.XmlFragment (the editor's layout). Every client also changes its awareness cursor once a second (random phase).`,
      'Latency = time from the insert on the sender to the Y.XmlText observer firing on each other client (all clients in one process, one clock), over all edit × receiver pairs. Drops = pairs still missing 10 s after the last edit.',
      'Our server applies and relays every update at once, stores it in PostgreSQL by an in-order group commit and then tells its sender it is saved; afterwards the stored state (snapshot + log) is loaded and its edits counted.',
      ...roundsMethod(r),
      ...(quick ? ['QUICK run: shortened, not for comparison.'] : []),
    ],
  };
}

function s2(r) {
  const o = r.ours ?? {};
  const f = r.reference ?? {};
  const rows = [];
  const notes = [...pairErrors(r)];
  if (Number.isFinite(o.rssPerDocument) && Number.isFinite(f.rssPerDocument)) {
    const rssRatio = o.rssPerDocument / f.rssPerDocument;
    const heapRatio = o.heapPerDocument / f.heapPerDocument;
    rows.push(
      row('RSS per open document', kb(o.rssPerDocument), kb(f.rssPerDocument), {
        ratio: rssRatio,
        target: '≤ 1.3×',
        pass: rssRatio <= 1.3,
      }),
    );
    rows.push(
      // Issue #18 item 3 tightened the heap target from 1.3× to 1.2× and added the opening time.
      row('V8 heap per open document', kb(o.heapPerDocument), kb(f.heapPerDocument), {
        ratio: heapRatio,
        target: '≤ 1.2×',
        pass: heapRatio <= 1.2,
      }),
    );
    if (Number.isFinite(o.connectSeconds) && Number.isFinite(f.connectSeconds)) {
      const openRatio = o.connectSeconds / f.connectSeconds;
      rows.push(
        row(
          'time to open every document (all clients connected and synced)',
          s(o.connectSeconds),
          s(f.connectSeconds),
          {
            ratio: openRatio,
            target: '≤ 1.5×',
            pass: openRatio <= 1.5,
          },
        ),
      );
    }
    rows.push(
      row(
        'baseline → loaded RSS',
        `${mb(o.baseline.rss)} → ${mb(o.loaded.rss)}`,
        `${mb(f.baseline.rss)} → ${mb(f.loaded.rss)}`,
      ),
    );
    rows.push(
      row(
        'baseline → loaded heap',
        `${mb(o.baseline.heapUsed)} → ${mb(o.loaded.heapUsed)}`,
        `${mb(f.baseline.heapUsed)} → ${mb(f.loaded.heapUsed)}`,
      ),
    );
    const back = (t) => (t === null ? 'not within 60 s' : `${t.toFixed(0)} s`);
    rows.push(
      row('RSS back to baseline ±10% after all leave', back(o.rssBackAt), back(f.rssBackAt), {
        target: '≤ 60 s',
        pass: o.rssBackAt !== null,
      }),
    );
    rows.push(
      row('heap back to baseline ±10% after all leave', back(o.heapBackAt), back(f.heapBackAt), {
        target: '≤ 60 s',
        pass: o.heapBackAt !== null,
      }),
    );
    rows.push(
      row(
        'RSS / heap at the end of the wait',
        `${mb(o.after?.rss)} / ${mb(o.after?.heapUsed)}`,
        `${mb(f.after?.rss)} / ${mb(f.after?.heapUsed)}`,
      ),
    );
    rows.push(
      row(
        'documents × clients (sockets); connect time',
        `${num(o.documents)} × 3 (${num(o.connected)} open); ${s(o.connectSeconds)}`,
        `${num(f.documents)} × 3 (${num(f.connected)} open); ${s(f.connectSeconds)}`,
      ),
    );
    rows.push(
      row(
        'rooms open when loaded / at the end',
        `${o.roomsOpen ?? '?'} / ${o.after?.rooms ?? '?'}`,
        `${f.roomsOpen ?? '?'} / ${f.after?.rooms ?? '?'}`,
      ),
    );
    if (o.reducedFrom)
      notes.push(`reduced from ${o.reducedFrom} to ${o.documents} documents: open-file limit ${o.openFileLimit}`);
  }
  return {
    id: 'S2',
    title: `S2 — ${o.documents ?? 1000} documents × 3 clients: memory per open document`,
    rows,
    notes: [...notes, ...serverLogNote(r)],
    method: [
      'Each server runs in its own child process started with --expose-gc and reports process.memoryUsage() over IPC after two full GCs, so the 3,000 client sockets (in the bench process) never count. Baseline = after one warm-up document was opened and closed.',
      'Every document gets the same content on both servers: ours seeds its template on first open; for the reference the first client of each document brings the same template update (computed with our own seeding code). Every client announces an awareness state. Clients connect in waves of 50 documents.',
      'Per-document cost = (loaded − baseline) ÷ documents. After all clients leave, memory is polled every 2 s (after GC) for up to 60 s.',
      'The reference is given a no-op persistence layer so that it frees a document when its last client leaves; without one @y/websocket-server keeps every document in memory for ever.',
    ],
  };
}

function s3(r) {
  const rows = [];
  const notes = [];
  if (r.error)
    return {
      id: 'S3',
      title: 'S3 — B4 trace: cold load and storage',
      rows,
      notes: [`scenario failed: ${r.error.split('\n')[0]}`],
      method: [],
    };
  const loadRatio = r.oursMs / r.rawMs;
  rows.push(
    row('cold load → first full sync (median)', ms(r.oursMs), `${ms(r.rawMs)} (raw SELECT + applyUpdate per row)`, {
      ratio: loadRatio,
      target: '≤ 2×',
      pass: Number.isFinite(loadRatio) ? loadRatio <= 2 : false,
    }),
  );
  rows.push(
    row('individual runs', r.ours.map((x) => ms(x.ms)).join(', ') || '—', r.raw.map((x) => ms(x.ms)).join(', ')),
  );
  if (r.raw.length)
    rows.push(
      row('raw baseline split: query / apply', '', `${ms(r.raw[0].queryMs)} / ${ms(r.raw[0].applyMs)} (first run)`),
    );
  rows.push(
    row('content after load = endContent', String(r.oursCorrect), String(r.rawCorrect), {
      target: 'true',
      pass: r.oursCorrect,
    }),
  );
  rows.push(row('rows stored (one per operation)', num(r.before.updateRows), `${num(r.ops)} operations`));
  const beforeRatio = r.before.total / r.stateBytes;
  rows.push(
    row('stored bytes before compaction', num(r.before.total), `${num(r.stateBytes)} (Y.encodeStateAsUpdate)`, {
      ratio: beforeRatio,
    }),
  );
  const compacted = r.compaction.available && !r.compaction.error && r.after.snapshotRows > 0;
  if (compacted) {
    const afterRatio = r.after.total / r.stateBytes;
    rows.push(
      row(
        'stored bytes after compaction',
        `${num(r.after.total)} (snapshot ${num(r.after.snapshotBytes)} + ${num(r.after.updateRows)} rows)`,
        num(r.stateBytes),
        { ratio: afterRatio, target: '≤ 1.5×', pass: afterRatio <= 1.5 },
      ),
    );
    rows.push(row('compaction time (DocumentStore.compact)', ms(r.compaction.ms), ''));
    if (r.oursAfterCompaction)
      rows.push(
        row('cold load after compaction', ms(r.oursAfterCompaction.ms), ms(r.rawMs), {
          ratio: r.oursAfterCompaction.ms / r.rawMs,
          target: '(info)',
        }),
      );
  } else {
    rows.push(row('stored bytes after compaction', '—', num(r.stateBytes), { target: '≤ 1.5×', pass: 'n/m' }));
    if (!r.compaction.available)
      notes.push(
        'DocumentStore has no compact() method in this build: stored bytes after compaction are not measurable yet.',
      );
    else if (r.compaction.error) notes.push(`DocumentStore.compact() failed: ${r.compaction.error}`);
    else
      notes.push(
        `DocumentStore.compact() returned ${JSON.stringify(r.compaction.result)} and wrote no snapshot; the server logged: ${r.compaction.serverLog ?? '(nothing)'}`,
      );
  }
  for (const e of r.errors) notes.push(e);
  return {
    id: 'S3',
    title: `S3 — B4 trace (${num(r.ops)} operations) stored one update per row: cold load and storage`,
    rows,
    notes,
    method: [
      "The B4 trace is applied to a Y.XmlText inside a paragraph of the 'default' Y.XmlFragment, one transaction per operation (the first also creates the paragraph), capturing each update with doc.on('update'); the rows are inserted in bulk (INSERT … SELECT FROM unnest($2::bytea[]) in batches of 10,000).",
      'Our cold load: a fresh server process (already listening), one client connects; time from opening the socket to the first full sync (sync step 2 received), then the text is checked against endContent. The process is then killed with SIGKILL so that nothing (flush, compaction on leave) changes the stored rows between runs.',
      'Raw baseline: a fresh Node process, connected to PostgreSQL before the clock starts, runs SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id and applies each row with Y.applyUpdate to a new Y.Doc.',
      `Median of ${r.ours.length} runs each. Stored bytes = octet_length of the update rows (+ the snapshot, if any) for this document, without PostgreSQL's row overhead.`,
    ],
  };
}

function s4(r) {
  const o = r.ours ?? {};
  const f = r.reference ?? {};
  const rows = [];
  const notes = [...pairErrors(r)];
  if (Number.isFinite(o.wallSeconds) && Number.isFinite(f.wallSeconds)) {
    const wall = o.wallSeconds / f.wallSeconds;
    const cpu = o.cpuSeconds / f.cpuSeconds;
    rows.push(
      row(
        'wall time to observer = endContent',
        `${s(o.wallSeconds)}${o.done ? '' : ' (not reached)'}`,
        `${s(f.wallSeconds)}${f.done ? '' : ' (not reached)'}`,
        { ratio: wall, target: '≤ 1.3×', pass: o.done && wall <= 1.3 },
      ),
    );
    rows.push(...roundRow(r, 'wall time', s));
    rows.push(
      row('server process CPU time', s(o.cpuSeconds), s(f.cpuSeconds), {
        ratio: cpu,
        target: '≤ 1.3×',
        pass: o.done && cpu <= 1.3,
      }),
    );
    rows.push(row('PostgreSQL CPU time (not in the target)', s(o.postgresCpuSeconds), 'n/a'));
    rows.push(
      row('throughput (updates relayed per second)', num(Math.round(o.opsPerSecond)), num(Math.round(f.opsPerSecond)), {
        ratio: o.opsPerSecond / f.opsPerSecond,
      }),
    );
    rows.push(
      row(
        'operations sent / seen by the observer (relay messages)',
        `${num(o.sent)} / ${num(o.received)} (${num(o.relayMessages)})`,
        `${num(f.sent)} / ${num(f.received)} (${num(f.relayMessages)})`,
      ),
    );
    if (o.senderClose !== null && o.senderClose !== undefined)
      notes.push(`our server closed the replaying socket with code ${o.senderClose}`);
    if (f.senderClose !== null && f.senderClose !== undefined)
      notes.push(`the reference closed the replaying socket with code ${f.senderClose}`);
    if (o.timedOut || f.timedOut) notes.push(`timed out after 170 s: ours ${o.timedOut}, reference ${f.timedOut}`);
  }
  return {
    id: 'S4',
    title: 'S4 — B4 replayed through the server by one client, one update message per operation',
    rows,
    notes: [...notes, ...serverLogNote(r)],
    method: [
      'The pre-computed B4 updates (same as S3) are sent on one raw socket, each as its own y-websocket sync update message, never more than 1,000 ahead of what an observer client (a y-websocket provider on the same document) has received. Wall time runs from the first message until the observer text equals endContent.',
      'Our per-socket update rate limit (COLLAB_MAX_UPDATES_PER_SECOND, 100/s sustained) and the per-account and per-document write budgets (COLLAB_USER_WRITE_UNITS_PER_SECOND, COLLAB_DOCUMENT_WRITE_UNITS_PER_SECOND) are raised for this scenario only, or the replaying socket would be closed after its burst allowance or paused by the budgets; S7 measures the limit.',
      "CPU = process.cpuUsage() of the server child over the same interval. For ours, PostgreSQL's CPU (postmaster + backends, from /proc) is shown separately: the reference has no database.",
      ...roundsMethod(r),
    ],
  };
}

function s7(r) {
  const o = r.ours ?? {};
  const f = r.reference ?? {};
  const rows = [];
  const notes = [...pairErrors(r)];
  if (o.quiet && f.quiet) {
    const oRatio = o.abuse.p99 / o.quiet.p99;
    const fRatio = f.abuse.p99 / f.quiet.p99;
    rows.push(
      row(
        'normal document p99: quiet → under abuse',
        `${ms(o.quiet.p99)} → ${ms(o.abuse.p99)} (${ratioText(oRatio)})`,
        `${ms(f.quiet.p99)} → ${ms(f.abuse.p99)} (${ratioText(fRatio)})`,
        { target: 'ours ≤ 2× its quiet p99', pass: oRatio <= 2 },
      ),
    );
    rows.push(
      row(
        'normal document p50: quiet → under abuse',
        `${ms(o.quiet.p50)} → ${ms(o.abuse.p50)}`,
        `${ms(f.quiet.p50)} → ${ms(f.abuse.p50)}`,
      ),
    );
    rows.push(
      row(
        'normal document drops / disconnected clients',
        `${o.drops} / ${o.disconnected}`,
        `${f.drops} / ${f.disconnected}`,
        { target: '0 / 0', pass: o.drops === 0 && o.disconnected === 0 },
      ),
    );
    rows.push(
      row('server memory growth: peak RSS during abuse', mb(o.peakRssGrowth), mb(f.peakRssGrowth), {
        target: '≤ 50 MB',
        pass: o.peakRssGrowth <= 50 * 1048576,
      }),
    );
    rows.push(
      row(
        'server memory growth after GC (RSS / heap)',
        `${mb(o.gcRssGrowth)} / ${mb(o.gcHeapGrowth)}`,
        `${mb(f.gcRssGrowth)} / ${mb(f.gcHeapGrowth)}`,
      ),
    );
    const closing = (c) =>
      c
        ? `${c.closedWithin1s}/${c.attempts} closed ≤ 1 s; p50 ${ms(c.ms.p50)}, max ${ms(c.ms.max)}; codes ${c.codes.join(',') || '—'}${c.notClosed ? `; ${c.notClosed} never closed (3 s)` : ''}`
        : '—';
    rows.push(
      row('oversized messages (2 MB valid update)', closing(o.oversized), closing(f.oversized), {
        target: 'closed ≤ 1 s',
        pass: o.oversized ? o.oversized.closedWithin1s === o.oversized.attempts && o.oversized.attempts > 0 : false,
      }),
    );
    rows.push(
      row(
        'malformed messages (garbage update, unknown type, truncated, text frame)',
        closing(o.malformed),
        closing(f.malformed),
        {
          target: 'closed ≤ 1 s',
          pass: o.malformed ? o.malformed.closedWithin1s === o.malformed.attempts && o.malformed.attempts > 0 : false,
        },
      ),
    );
    const rapid = (x) =>
      x
        ? x.closedAfterMs !== null
          ? `closed after ${ms(x.closedAfterMs)} (code ${x.closeCode}), ${num(x.sent)} updates sent`
          : `never closed; ${num(x.sent)} updates in ${s(x.seconds)} (${num(Math.round(x.sent / x.seconds))}/s)`
        : '—';
    rows.push(
      row('rapid updates from one client', rapid(o.rapid), rapid(f.rapid), {
        target: 'limited / closed ≤ 1 s',
        pass: o.rapid ? o.rapid.closedAfterMs !== null && o.rapid.closedAfterMs <= 1000 : false,
      }),
    );
    const flood = (x) =>
      x
        ? `${num(x.attempts)} attempts: ${num(x.opened ?? 0)} opened, ${num(x.refused401 ?? 0)} refused 401, ${num(
            Object.entries(x)
              .filter(([k]) => k.startsWith('refused') && k !== 'refused401')
              .reduce((n, [, v]) => n + v, 0),
          )} other refusals, ${num(x.errors ?? 0)} errors; handshake p99 ${ms(x.handshake?.p99)}`
        : '—';
    rows.push(row('connection flood (250 attempts/s, half without a session)', flood(o.flood), flood(f.flood)));
    rows.push(
      row('server alive and healthy afterwards', `${o.alive} (HTTP ${o.health})`, `${f.alive} (HTTP ${f.health})`, {
        target: 'no crash',
        pass: o.alive && o.health === 200,
      }),
    );
    if (o.workerError) notes.push(`ours: ${o.workerError}`);
    if (f.workerError) notes.push(`reference: ${f.workerError}`);
  }
  return {
    id: 'S7',
    title: 'S7 — abuse next to a normal 10-client document',
    rows,
    notes: [...notes, ...serverLogNote(r)],
    method: [
      'A normal document: 10 clients, 20 edits/s in total, awareness 1 Hz; latency measured as in S1, 10 s quiet, then 15 s while the offenders run (their own process, tests/bench/abuse-worker.mjs) against another document of the same server, all with a valid session on ours.',
      'Offenders: every 0.7 s a new socket sends one 2 MB valid Yjs update (a large paste, over the 1.5 MB limit); every 0.3 s a new socket sends a malformed message (rotating: garbage update, unknown message type, truncated sync message, text frame); 25 connection attempts every 100 ms (half without a cookie, the others close as soon as they open); one socket sends valid one-character updates as fast as its buffer drains. "Closed" = time from our send to the close event; a socket not closed within 3 s is counted as never closed.',
      'Memory: peak RSS sampled every 250 ms during the abuse (no forced GC) minus the quiet RSS after GC; also the growth after GC once the abuse is over.',
    ],
  };
}

function s8(r) {
  const rows = [];
  const notes = [];
  if (r.error) notes.push(`scenario failed: ${r.error.split('\n')[0]}`);
  for (const format of ['docx', 'pdf']) {
    const x = r[format];
    if (!x) continue;
    const size = `${(x.bytes / 1024).toFixed(0)} KB${x.pages ? `, ${x.pages} pages` : ''}`;
    rows.push(
      row(`${format.toUpperCase()} export, first request (rendered; ${size})`, `${x.firstSeconds.toFixed(2)} s`, '—'),
    );
    rows.push(
      row(
        `${format.toUpperCase()} export, same version again (cache ${x.caches.join(' → ')})`,
        `${x.cachedSeconds.toFixed(3)} s`,
        '—',
      ),
    );
  }
  return {
    id: 'S8',
    title: `S8 — export of a generated bilingual paper (${r.paragraphs ?? '?'} paragraphs, ~40 A4 pages)`,
    rows,
    notes,
    method: [
      'One document filled through POST /paragraphs with paragraphs of English and Chinese; then GET /export?format=docx and ?format=pdf twice each, timed from request to last byte. The first request renders (DOCX with the docx package; PDF by headless Chromium from the export HTML with embedded Noto Sans SC subsets, the browser started by that first PDF); the second is served from the document_exports cache. No reference server exports.',
    ],
  };
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function s9(r) {
  const rows = [];
  const notes = [];
  if (r.error) notes.push(`scenario failed: ${r.error.split('\n')[0]}`);
  for (const [name, small] of Object.entries(r.small?.lists ?? {})) {
    const big = r.big?.lists?.[name];
    if (!big) continue;
    const ratio = big.p99 / Math.max(small.p99, 1);
    rows.push(
      row(
        `${name}: first page p99, ${num(small.rows)} → ${num(big.rows)} rows`,
        `${ms(small.p99)} → ${ms(big.p99)}`,
        '—',
        { ratio, target: '≤ 2×', pass: ratio <= 2 },
      ),
    );
    const failures = small.non2xx + small.errors + big.non2xx + big.errors;
    if (failures > 0) notes.push(`${name}: ${failures} non-2xx answers or errors under load`);
    rows.push(
      row(
        `${name}: p50; requests; rows on the page; next cursor`,
        `${ms(small.p50)} → ${ms(big.p50)}; ${num(small.requests)} → ${num(big.requests)}; ${small.rowsOnPage} → ${big.rowsOnPage}; ${big.nextCursor ? 'yes' : 'no'}`,
        '',
      ),
    );
  }
  if (r.runs) {
    const health = median(r.runs.health.map((x) => x.p99));
    const dashboard = median(r.runs.dashboard.map((x) => x.p99));
    const ratio = dashboard / Math.max(health, 1);
    rows.push(
      row(
        `deadline dashboard p99 vs /api/health p99 (${r.connections.dashboard} connections)`,
        `${ms(dashboard)} / ${ms(health)}`,
        '—',
        { ratio, target: '≤ 3×', pass: ratio <= 3 },
      ),
    );
    const each = (runs) => runs.map((x) => `${ms(x.p99)} (${num(x.requests)} req)`).join(', ');
    rows.push(row('each run: dashboard; health', `${each(r.runs.dashboard)}; ${each(r.runs.health)}`, ''));
    const failures = [...r.runs.health, ...r.runs.dashboard].reduce((sum, x) => sum + x.non2xx + x.errors, 0);
    if (failures > 0) notes.push(`dashboard/health: ${failures} non-2xx answers or errors under load`);
  }
  for (const [name, plan] of Object.entries(r.explain ?? {})) notes.push(`plan of the ${name} page: ${plan}`);
  if (r.small && r.big) {
    notes.push(
      `seeding by SQL took ${s(r.small.seedSeconds)} (≈1,000 rows per table) and ${s(r.big.seedSeconds)} (to the large project)`,
    );
  }
  const large = r.large ?? {};
  return {
    id: 'S9',
    title: `S9 — HTTP at scale: ${num(large.people)} people, ${num(large.meetings)} meetings, ${num(large.documents)} documents, ${num(large.comments)} comments, ${num(large.libraryFiles)} library files (scale ${r.scale ?? '?'})`,
    rows,
    notes,
    method: [
      'A fresh database on the run’s PostgreSQL with the demo, then the large project seeded by SQL (generate_series; people are role-named placeholders "Expert n" at example.org, each an expert of one working group): first about 1,000 rows in each measured table, then topped up to the sizes in the title (BENCH_HTTP_SCALE shrinks them), ANALYZE after each. The document whose comments are listed has 250 threads in both phases; the other comments are spread over the seeded documents.',
      `Each list’s first page (the default limit, as the web app asks for it) as the coordinator, with autocannon 9 (${r.connections?.lists ?? 2} connections, ${r.seconds ?? '?'} s after a 1 s warm-up); the target is p99 at the large size ≤ 2× p99 at about 1,000 rows. One server process throughout, so both phases have the same warm caches.`,
      `The deadline dashboard (GET /api/projects/:id/plan) and GET /api/health under the same load (${r.connections?.dashboard ?? 10} connections, ${(r.seconds ?? 0) * 2} s per run, alternated health, dashboard, dashboard, health on the large data); the figures are the medians of the two runs each. Target: dashboard p99 ≤ 3× health p99.`,
      'The load generator runs in the bench process on the same 2 cores as the server and PostgreSQL, so absolute latencies include its work; the ratios compare like with like.',
    ],
  };
}
