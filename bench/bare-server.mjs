// The ceiling: node:http that reads and parses the JSON body and answers fixed JSON.
import { createServer } from 'node:http';

const answer = JSON.stringify({ group: { _id: 'NtR6RQ7NvzA9ejecX', name: 'testing', t: 'p', msgs: 0 }, success: true });
const port = Number(process.argv[2] ?? 4300);
createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      // parsed only to pay the same cost as a real server
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
}).listen(port, '127.0.0.1');
