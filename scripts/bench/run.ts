// `npm run bench`: every benchmark, each printing its figures beside a baseline from the same run.
import { runCoreScoringBench } from './core-scoring.bench';

console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
runCoreScoringBench();
