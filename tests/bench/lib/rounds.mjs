// Repeated, interleaved runs of a scenario: on a shared 2-core machine one run of each server can land in
// a noisy minute; alternating ours/reference (ABBA…) and taking medians cancels slow drift for both alike.

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const get = (object, path) => path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);

function set(object, path, value) {
  const keys = path.split('.');
  let target = object;
  for (const key of keys.slice(0, -1)) target = target[key] = { ...target[key] };
  target[keys[keys.length - 1]] = value;
}

/**
 * One result standing for several runs of the same server: the round whose `key` is the median supplies
 * the shape, every path in `medians` becomes its median over the rounds, `sums` are added up, `worst`
 * takes the maximum, and `all` is true only if it was true in every round.
 */
export function combineRounds(results, { key, medians = [], sums = [], worst = [], all = [] }) {
  const ok = results.filter((result) => result && !result.error);
  if (ok.length === 0) return results[0];
  const target = median(ok.map((result) => get(result, key)));
  const representative = ok.reduce((best, result) =>
    Math.abs(get(result, key) - target) < Math.abs(get(best, key) - target) ? result : best,
  );
  const combined = structuredClone(representative);
  for (const path of medians) set(combined, path, median(ok.map((result) => get(result, path))));
  for (const path of sums)
    set(
      combined,
      path,
      ok.reduce((sum, result) => sum + (get(result, path) ?? 0), 0),
    );
  for (const path of worst) set(combined, path, Math.max(...ok.map((result) => get(result, path) ?? 0)));
  for (const path of all)
    set(
      combined,
      path,
      ok.every((result) => get(result, path) === true),
    );
  combined.rounds = ok.length;
  if (ok.length < results.length) combined.failedRounds = results.length - ok.length;
  return combined;
}

/** Each round's key metric for both servers, in run order, for the report. */
export function roundValues(results, key) {
  return results.ours.map((ours, i) => ({ ours: get(ours, key), reference: get(results.reference[i], key) }));
}
