// Jest stand-in for a plain stylesheet import (tokens, fonts): Vite bundles it; Node has nothing to run.
module.exports = {};
