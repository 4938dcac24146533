// An express 5 app with the twin mounted by `twinMiddleware`, for running the contract suite
// against the embedding adapter, serving the documents of test/openapi/served.json too.
// usage: tsx scripts/serve-express.ts PORT
import express from 'express';
import { twinMiddleware } from '../src/express.ts';
import { createTwin } from '../src/index.ts';
import { servedSpecs } from '../test/support/served-specs.ts';

const port = Number(process.argv[2] ?? 4795);
const app = express();
// A host app's own JSON parser runs first: the middleware must cope with a pre-parsed body.
app.use(express.json({ limit: '2mb' }));
app.get('/host-app', (_req, res) => { res.json({ host: true }); });
app.use(twinMiddleware(await createTwin({ specs: servedSpecs() })));
app.listen(port, '127.0.0.1');
