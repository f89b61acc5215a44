// Promise.withResolvers for Node 20 (it arrived in Node 22), which PostGraphile v5 uses.
// Loaded with `node --import` by the benchmark peer's process only; slackgate never needs it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
