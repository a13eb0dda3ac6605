// The README promises that `npm test` runs on the project's own Node, whatever the machine has.
describe('the toolchain', () => {
  it('runs the tests on Node 22.19 or later', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 22 || (major === 22 && minor >= 19)).toBe(true);
  });
});
