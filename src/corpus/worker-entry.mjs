// Worker threads start without the TypeScript loader: register tsx here, as bin/report2graph.js does.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
