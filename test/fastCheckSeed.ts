import fc from "fast-check";

/**
 * Property tests run from a fixed seed so that CI is reproducible: a failure seen once is seen
 * again. Set FC_SEED to another number to explore further, or to "random" for a fresh seed each run
 * (fast-check prints the seed of any failure so it can be replayed).
 */
const requested = process.env["FC_SEED"];
if (requested !== "random") {
  fc.configureGlobal({ seed: requested === undefined ? 20261121 : Number(requested) });
}
