/**
 * The practical limit for the role read: node:http and one pg query (a named prepared statement,
 * as the app's loaders use), no framework, answering the same JSON the GraphQL API gives for
 * bench/role-query.mjs's ROLE_QUERY.
 */
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const organisationId = process.env.ORGANISATION_ID;

const ROLE_SQL = `
  SELECT r.id, r.title, r.level, r.summary, e.level AS expected_level,
         s.levels ->> e.level::text AS descriptor, s.id AS skill_id, s.key AS skill_key, s.name AS skill_name
  FROM roles r
  LEFT JOIN expectations e ON e.organisation_id = r.organisation_id AND e.role_id = r.id
  LEFT JOIN skills s ON s.organisation_id = e.organisation_id AND s.id = e.skill_id
  WHERE r.organisation_id = $1 AND r.id = $2
  ORDER BY s.position`;

async function readRole(id) {
  const { rows } = await pool.query({ name: 'role-with-expectations', text: ROLE_SQL, values: [organisationId, id] });
  if (rows.length === 0) return null;
  const [first] = rows;
  return {
    id: first.id,
    title: first.title,
    level: first.level,
    summary: first.summary,
    expectations: rows
      .filter((row) => row.skill_id)
      .map((row) => ({
        level: row.expected_level,
        descriptor: row.descriptor,
        skill: { id: row.skill_id, key: row.skill_key, name: row.skill_name },
      })),
  };
}

const server = http.createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', async () => {
    try {
      const { variables } = JSON.parse(body);
      const role = await readRole(variables.id);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ data: { role } }));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGINT', () => server.close(() => pool.end().then(() => process.exit(0))));
