import { polled } from './support/browser';

describe('polled: the browser suite’s expect.poll', () => {
  it('reads again until the matcher holds', async () => {
    let reads = 0;
    await polled(async () => ++reads).toBe(3);
    expect(reads).toBe(3);
  });

  it('fails with the matcher’s message when the value never comes', async () => {
    await expect(polled(async () => 'loading', 300).toBe('27.673.000.000 đ')).rejects.toThrow(/Expected: "27.673.000.000 đ"/);
  });

  it('negates with .not, and fails a negation that keeps holding', async () => {
    let reads = 0;
    await polled(async () => (++reads < 2 ? 'Đang tải' : 'Xong')).not.toBe('Đang tải');
    await expect(polled(async () => 0, 300).not.toBe(0)).rejects.toThrow(/not/);
  });
});
