import { stackThreads } from './thread-positions';

describe('stackThreads: comment threads beside their passages', () => {
  it('puts each thread at the height of its passage when there is room', () => {
    const { tops, height } = stackThreads([
      { id: 'a', anchorTop: 40, height: 100 },
      { id: 'b', anchorTop: 300, height: 80 },
    ]);
    expect(tops).toEqual(
      new Map([
        ['a', 40],
        ['b', 300],
      ]),
    );
    expect(height).toBe(380);
  });

  it('pushes a thread down below the one before when they would overlap, in the order of the passages', () => {
    const { tops } = stackThreads(
      [
        { id: 'later', anchorTop: 120, height: 50 },
        { id: 'first', anchorTop: 100, height: 60 },
        { id: 'same-line', anchorTop: 120, height: 10 },
      ],
      8,
    );
    expect([...tops]).toEqual([
      ['first', 100],
      ['later', 168],
      ['same-line', 226],
    ]);
  });

  it('never goes above the list, and puts threads whose text is gone after the others', () => {
    const { tops, height } = stackThreads(
      [
        { id: 'detached', anchorTop: null, height: 30 },
        { id: 'above', anchorTop: -200, height: 40 },
        { id: 'below', anchorTop: 500, height: 20 },
      ],
      8,
    );
    expect([...tops]).toEqual([
      ['above', 0],
      ['below', 500],
      ['detached', 528],
    ]);
    expect(height).toBe(558);
  });

  it('needs no height for no threads', () => {
    expect(stackThreads([])).toEqual({ tops: new Map(), height: 0 });
  });
});
