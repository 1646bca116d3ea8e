// Jest stand-in for a CSS module: each class name maps to itself, so components render and tests can query it.
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : String(key)) });
