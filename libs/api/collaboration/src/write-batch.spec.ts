import { PassThrough } from 'stream';
import { corkForThisTick } from './write-batch';

/** A stream that records each write call it makes to the "system" (one per _write or _writev). */
function recordingStream(): { stream: PassThrough; calls: number[][] } {
  const calls: number[][] = [];
  const stream = new PassThrough();
  stream._writev = (chunks, callback) => {
    calls.push(chunks.map(({ chunk }) => (chunk as Buffer)[0]));
    callback();
  };
  stream._write = (chunk: Buffer, _encoding, callback) => {
    calls.push([chunk[0]]);
    callback();
  };
  return { stream, calls };
}

describe('per-socket write batching', () => {
  it("gives a socket's frames of one callback to the system in one write, in order", async () => {
    const one = recordingStream();
    const two = recordingStream();
    for (const frame of [1, 2, 3]) {
      for (const { stream } of [one, two]) {
        corkForThisTick(stream);
        stream.write(Buffer.from([frame]));
      }
    }
    expect(one.calls).toEqual([]);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(one.calls).toEqual([[1, 2, 3]]);
    expect(two.calls).toEqual([[1, 2, 3]]);
    expect(one.stream.writableCorked).toBe(0);
  });

  it('batches again in the next callback, and leaves a stream without batching alone', async () => {
    const { stream, calls } = recordingStream();
    corkForThisTick(stream);
    stream.write(Buffer.from([1]));
    await new Promise((resolve) => setImmediate(resolve));
    corkForThisTick(stream);
    stream.write(Buffer.from([2]));
    stream.write(Buffer.from([3]));
    corkForThisTick(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1], [2, 3]]);
  });
});
